import { forgeZip } from '../corpus/forge-zip';
import { handWrittenPackage } from '../corpus/sample-workbooks';

/**
 * A one-sheet workbook of `rows` × 10 distinct numbers (a linear
 * congruential sequence from `seed`): well-formed, but costly to read
 * (tens of MB of XML at 100,000 rows), for tests of the read budget.
 */
export function numberGridWorkbook(rows: number, seed: number): Uint8Array {
  const parts: string[] = ['<sheetData>'];
  let next = seed;
  for (let r = 1; r <= rows; r++) {
    parts.push(`<row r="${r}">`);
    for (let c = 0; c < 10; c++) {
      next = (next * 1103515245 + 12345) % 2147483648;
      parts.push(`<c r="${String.fromCharCode(65 + c)}${r}"><v>${next}</v></c>`);
    }
    parts.push('</row>');
  }
  parts.push('</sheetData>');
  return forgeZip(handWrittenPackage(parts.join('')));
}
