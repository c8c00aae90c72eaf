import { deflateRawSync } from 'node:zlib';
import type { ChildReport } from '../src/core/consolidate/child-report';
import { consolidate } from '../src/core/consolidate/consolidate';
import { reportFromValidation } from '../src/core/consolidate/report-from-validation';
import { FORM_4PHU_2024 } from '../src/core/forms/form-4phu-2024';
import type { OutputBook } from '../src/core/grid/output-book';
import { renderConsolidation } from '../src/core/render/render-consolidation';
import { renderSubmission } from '../src/core/render/render-submission';
import { nationalRegistry } from '../src/core/units/national-registry';
import { validateSubmission } from '../src/core/validate/validate-submission';
import { generateProvince } from '../src/sample/generate-province';
import { readWorkbook } from '../src/xlsx/read-workbook';
import { workbookParts, writeWorkbook, writeWorkbookBytes } from '../src/xlsx/write-workbook';

/**
 * What writing a workbook costs against the floor of writing it: a plain
 * deflate (native zlib, level 6) of the very XML parts the writer zips.
 * Run: `npm run build:node && node build/bench/writer-bench.js [runs]`.
 */
async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 15);
  const registry = nationalRegistry();
  const form = FORM_4PHU_2024;
  const generated = generateProvince({ rootCode: '70', seed: 7 });
  const byDistrict = new Map<string, ChildReport[]>();
  const communeBooks: OutputBook[] = [];
  for (const f of generated.files) {
    const book = renderSubmission(form, f.data);
    communeBooks.push(book);
    const bytes = await writeWorkbook(book);
    const read = await readWorkbook(bytes);
    const validation = read.book ? validateSubmission(read.book, { form, registry, file: f.fileName }) : undefined;
    const report = reportFromValidation({ file: f.fileName, bytes: bytes.length, sha256: '' }, read.findings, validation, form);
    const parent = f.unit.parentCode ?? '';
    byDistrict.set(parent, [...(byDistrict.get(parent) ?? []), report]);
  }
  const [districtCode, districtReports] = [...byDistrict].sort((a, b) => b[1].length - a[1].length)[0] ?? ['', []];
  const ctx = { form, registry, period: 'TK', reportDate: '2024-07-08' };
  const district = renderConsolidation(form, consolidate(districtReports, { ...ctx, parentCode: districtCode }), { completeness: true });
  const districtFiles: ChildReport[] = [];
  for (const [code, reports] of byDistrict) {
    const bytes = await writeWorkbook(renderConsolidation(form, consolidate(reports, { ...ctx, parentCode: code })));
    const read = await readWorkbook(bytes);
    const validation = read.book ? validateSubmission(read.book, { form, registry, file: `${code}.xlsx` }) : undefined;
    districtFiles.push(reportFromValidation({ file: `${code}.xlsx`, bytes: bytes.length, sha256: '' }, read.findings, validation, form));
  }
  const province = renderConsolidation(form, consolidate(districtFiles, { ...ctx, parentCode: '70' }), { completeness: true });

  const cases: Array<[string, readonly OutputBook[]]> = [
    [`district ${districtCode} (${districtReports.length} communes)`, [district]],
    ['province 70', [province]],
    [`every commune file (${communeBooks.length})`, communeBooks],
  ];
  // CPU time of blocks of runs, not wall time: on a shared machine a 1 ms task is often preempted.
  // The least of 5 blocks: what the work costs when the machine lets it run.
  const cpu = (fn: () => void): number => {
    let best = Infinity;
    for (let block = 0; block < 5; block++) {
      const c0 = process.cpuUsage();
      for (let i = 0; i < runs; i++) fn();
      const c = process.cpuUsage(c0);
      best = Math.min(best, (c.user + c.system) / 1000 / runs);
    }
    return best;
  };
  console.log(`case | writer ms | of which XML ms | deflate of the same XML ms | writer / deflate | bytes (CPU time, least of 5 blocks of ${runs} runs)`);
  for (const [name, books] of cases) {
    const parts = books.map((b) => workbookParts(b));
    const bytes = books.reduce((n, b) => n + writeWorkbookBytes(b).length, 0);
    for (let i = 0; i < 3; i++) books.forEach((b) => writeWorkbookBytes(b));
    const writer = cpu(() => books.forEach((b) => writeWorkbookBytes(b)));
    const xml = cpu(() => books.forEach((b) => workbookParts(b)));
    const deflate = cpu(() => parts.forEach((p) => p.forEach((e) => deflateRawSync(e.data, { level: 6 }))));
    console.log(`${name} | ${writer.toFixed(2)} | ${xml.toFixed(2)} | ${deflate.toFixed(2)} | ${(writer / deflate).toFixed(2)}x | ${bytes}`);
  }
}

void main();
