const ENDOFCHAIN = 0xfffffffe;
const MAX_REGULAR_SECTOR = 0xfffffffa;

/**
 * The names of the streams and storages in an OLE compound file (the
 * container of .xls, .doc and of password-encrypted .xlsx), or undefined
 * when its directory cannot be followed. Every chain is walked at most once
 * and never past the end of the file, so a forged file cannot loop.
 */
export function oleStreamNames(bytes: Uint8Array): string[] | undefined {
  if (bytes.byteLength < 512) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return undefined;
  const sectorSize = 1 << shift;
  const sectorCount = Math.floor((bytes.byteLength - sectorSize) / sectorSize) + 1;
  const sectorOffset = (n: number): number => (n + 1) * sectorSize;
  const validSector = (n: number): boolean => n <= MAX_REGULAR_SECTOR && sectorOffset(n) < bytes.byteLength;

  // The FAT's own sectors are listed in the header's DIFAT, then in a DIFAT chain.
  const fatSectors: number[] = [];
  for (let k = 0; k < 109; k++) {
    const s = view.getUint32(0x4c + 4 * k, true);
    if (validSector(s)) fatSectors.push(s);
  }
  let difat = view.getUint32(0x44, true);
  const seenDifat = new Set<number>();
  while (validSector(difat) && !seenDifat.has(difat) && seenDifat.size < sectorCount) {
    seenDifat.add(difat);
    const at = sectorOffset(difat);
    const perSector = sectorSize / 4 - 1;
    for (let k = 0; k < perSector && at + 4 * k + 4 <= bytes.byteLength; k++) {
      const s = view.getUint32(at + 4 * k, true);
      if (validSector(s)) fatSectors.push(s);
    }
    difat = at + 4 * perSector + 4 <= bytes.byteLength ? view.getUint32(at + 4 * perSector, true) : ENDOFCHAIN;
  }
  const fatEntriesPerSector = sectorSize / 4;
  const next = (n: number): number => {
    const fatSector = fatSectors[Math.floor(n / fatEntriesPerSector)];
    const at = fatSector === undefined ? -1 : sectorOffset(fatSector) + 4 * (n % fatEntriesPerSector);
    return at < 0 || at + 4 > bytes.byteLength ? ENDOFCHAIN : view.getUint32(at, true);
  };

  const names: string[] = [];
  const seen = new Set<number>();
  let sector = view.getUint32(0x30, true);
  if (!validSector(sector)) return undefined;
  while (validSector(sector) && !seen.has(sector)) {
    seen.add(sector);
    const at = sectorOffset(sector);
    // A last sector cut short still yields the entries it holds.
    for (let e = 0; e + 128 <= sectorSize && at + e + 128 <= bytes.byteLength; e += 128) {
      const type = bytes[at + e + 0x42];
      const nameBytes = view.getUint16(at + e + 0x40, true);
      if (type === 0 || nameBytes < 2 || nameBytes > 64) continue;
      let name = '';
      for (let c = 0; c < nameBytes - 2; c += 2) name += String.fromCharCode(view.getUint16(at + e + c, true));
      names.push(name);
    }
    sector = next(sector);
  }
  return names.length > 0 ? names : undefined;
}

/**
 * True when the UTF-16LE text occurs anywhere in the bytes: the fallback
 * when a directory cannot be followed, since stream names are stored in
 * UTF-16LE.
 */
export function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  for (let p = bytes.indexOf(first); p >= 0; p = bytes.indexOf(first, p + 1)) {
    let k = 0;
    while (k < text.length && bytes[p + 2 * k] === text.charCodeAt(k) && bytes[p + 2 * k + 1] === 0) k++;
    if (k === text.length) return true;
  }
  return false;
}
