import fc from 'fast-check';
import { FINDING_CODES } from '../../src/core/findings/finding-codes';
import { readWorkbook, type ReadResult } from '../../src/xlsx/read-workbook';
import { forgeZip, zipEntries } from './forge-zip';
import { smallSubmission } from './sample-workbooks';

/** A read either gives a book, or refuses with an error about the file; it never throws. */
function wellFormed(r: ReadResult): boolean {
  for (const f of r.findings) {
    if (!(f.code in FINDING_CODES) || typeof f.message_vi !== 'string' || f.message_vi === '') return false;
  }
  if (r.book) return Array.isArray(r.book.sheets) && r.book.sheets.every((s) => typeof s.name === 'string' && Array.isArray(s.rows));
  return r.findings.some((f) => f.severity === 'error');
}

describe('readWorkbook on damaged bytes (property)', () => {
  let valid: Uint8Array;
  let stored: Uint8Array;
  beforeAll(async () => {
    valid = await smallSubmission();
    // The same workbook with its entries stored: flips then land in the XML itself, not only in compressed data.
    stored = forgeZip(zipEntries(valid).map((e) => ({ ...e, method: 'store' as const })));
  });

  const flips = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 });

  it('random byte flips never make it throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), flips, async (useStored, changes) => {
        const bytes = (useStored ? stored : valid).slice();
        for (const [at, x] of changes) {
          const i = at % bytes.length;
          bytes[i] = (bytes[i] ?? 0) ^ x;
        }
        expect(wellFormed(await readWorkbook(bytes))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('random truncations never make it throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), async (useStored, share) => {
        const src = useStored ? stored : valid;
        const r = await readWorkbook(src.subarray(0, Math.floor(src.length * share)));
        expect(wellFormed(r)).toBe(true);
        expect(r.book).toBeUndefined();
      }),
      { numRuns: 80 },
    );
  });

  it('random bytes spliced into the middle never make it throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 64 }), async (useStored, at, junk) => {
        const src = useStored ? stored : valid;
        const i = at % src.length;
        const bytes = new Uint8Array(src.length + junk.length);
        bytes.set(src.subarray(0, i));
        bytes.set(junk, i);
        bytes.set(src.subarray(i), i + junk.length);
        expect(wellFormed(await readWorkbook(bytes))).toBe(true);
      }),
      { numRuns: 80 },
    );
  });

  it('flips in stored sheet XML that keep the zip intact still give a book or a finding', async () => {
    const entries = zipEntries(valid);
    await fc.assert(
      fc.asyncProperty(flips, async (changes) => {
        const altered = entries.map((e) => {
          if (!e.name.startsWith('xl/worksheets/')) return e;
          const data = e.data.slice();
          for (const [at, x] of changes) {
            const i = at % data.length;
            data[i] = (data[i] ?? 0) ^ x;
          }
          return { name: e.name, data };
        });
        expect(wellFormed(await readWorkbook(forgeZip(altered)))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
