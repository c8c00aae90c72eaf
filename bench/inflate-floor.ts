import { promises as fsp } from 'node:fs';
import { inflateSync } from 'fflate';
import { readZipDirectory } from '../src/xlsx/zip-directory';
import { listWorkbooks } from './list-files';
import { timed } from './measure';

/** The physical floor of reading files: each read from disk and every part of it inflated, nothing else. */
export interface InflateFloor {
  readonly files: number;
  readonly bytes: number;
  readonly inflatedBytes: number;
  readonly seconds: number;
  readonly cpuSeconds: number;
}

/**
 * Reads each file and inflates every entry of its zip into a buffer of
 * the declared size (the fastest way fflate has: no checks, no CRC): what
 * no reader of these files can go below.
 *
 * @example const floor = await inflateFloor(listWorkbooks(dir));
 */
export async function inflateFloor(files: readonly string[]): Promise<InflateFloor> {
  let bytes = 0;
  let inflatedBytes = 0;
  const t = await timed(async () => {
    for (const f of files) {
      const data = new Uint8Array(await fsp.readFile(f));
      bytes += data.length;
      const dir = readZipDirectory(data, 100_000);
      if (!dir.ok) throw new Error(`${f}: ${dir.reason ?? 'too many entries'}`);
      const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
      for (const e of dir.entries) {
        const at = e.localHeaderOffset;
        const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
        const raw = data.subarray(start, start + e.compressedSize);
        inflatedBytes += e.method === 8 ? inflateSync(raw, { out: new Uint8Array(e.uncompressedSize) }).length : raw.length;
      }
    }
  });
  return { files: files.length, bytes, inflatedBytes, seconds: t.seconds, cpuSeconds: t.cpuSeconds };
}

/** The floor of a consolidation tree: its input files and the workbooks it wrote for the levels below the root (those it read back). */
export async function treeFloor(inputDir: string, outputDir: string, rootOutputName: string): Promise<InflateFloor> {
  const outputs = listWorkbooks(outputDir).filter((f) => !f.endsWith(rootOutputName));
  return inflateFloor([...listWorkbooks(inputDir), ...outputs]);
}

if (require.main === module) {
  // A cold process doing nothing but the floor of the files named: what a command's start-up is compared with.
  inflateFloor(process.argv.slice(2)).then(
    (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
    (e: unknown) => {
      process.stderr.write(`${String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
