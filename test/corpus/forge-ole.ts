const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;

/**
 * A minimal OLE compound file (version 3, 512-byte sectors) whose directory
 * holds a root entry and the named empty streams. With `EncryptionInfo` and
 * `EncryptedPackage` it is what Excel writes for a password-encrypted
 * workbook; with `Workbook` it is an old .xls; with `WordDocument` a .doc.
 */
export function forgeOle(streams: readonly string[]): Uint8Array {
  const entries = ['Root Entry', ...streams];
  const dirSectors = Math.ceil(entries.length / 4);
  const out = new Uint8Array(512 * (2 + dirSectors));
  const v = new DataView(out.buffer);
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => (out[i] = b));
  v.setUint16(0x18, 0x3e, true);
  v.setUint16(0x1a, 3, true);
  v.setUint16(0x1c, 0xfffe, true);
  v.setUint16(0x1e, 9, true);
  v.setUint16(0x20, 6, true);
  v.setUint32(0x2c, 1, true);
  v.setUint32(0x30, 1, true);
  v.setUint32(0x38, 4096, true);
  v.setUint32(0x3c, ENDOFCHAIN, true);
  v.setUint32(0x44, ENDOFCHAIN, true);
  v.setUint32(0x4c, 0, true);
  for (let k = 1; k < 109; k++) v.setUint32(0x4c + 4 * k, FREESECT, true);

  // Sector 0 is the FAT: itself, then the directory chain 1 -> 2 -> ... -> end.
  const fat = 512;
  for (let k = 0; k < 128; k++) v.setUint32(fat + 4 * k, FREESECT, true);
  v.setUint32(fat, FATSECT, true);
  for (let s = 1; s <= dirSectors; s++) v.setUint32(fat + 4 * s, s === dirSectors ? ENDOFCHAIN : s + 1, true);

  entries.forEach((name, i) => {
    const at = 1024 + 128 * i;
    for (let c = 0; c < name.length; c++) v.setUint16(at + 2 * c, name.charCodeAt(c), true);
    v.setUint16(at + 0x40, 2 * (name.length + 1), true);
    out[at + 0x42] = i === 0 ? 5 : 2;
    out[at + 0x43] = 1;
    v.setUint32(at + 0x44, NOSTREAM, true);
    v.setUint32(at + 0x48, i > 0 && i < entries.length - 1 ? i + 1 : NOSTREAM, true);
    v.setUint32(at + 0x4c, i === 0 && entries.length > 1 ? 1 : NOSTREAM, true);
    v.setUint32(at + 0x74, i === 0 ? ENDOFCHAIN : 0, true);
  });
  return out;
}
