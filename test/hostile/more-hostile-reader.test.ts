import { moreHostileFiles, type MoreHostileFile } from '../../bench/more-hostile-files';
import type { WorkbookRead } from '../../src/app/workbook-reader';
import { BudgetedReader } from '../../src/node/budget/budgeted-reader';
import { DEFAULT_READ_BUDGET } from '../../src/node/budget/read-budget';

/**
 * Further hostile files (.xlsx, .xls, .ods) read as a consolidation reads
 * them: in a worker, under the default budget (5 s, 256 MiB heap). Each
 * ends with one of its right outcomes; none crashes the reader, hangs or
 * escapes the budget. Times and memory are measured by `npm run bench`.
 */
let files: MoreHostileFile[];
const reads = new Map<string, WorkbookRead>();

beforeAll(async () => {
  files = moreHostileFiles();
  const reader = new BudgetedReader({ workers: 1, budget: DEFAULT_READ_BUDGET });
  try {
    for (const f of files) reads.set(f.name, await reader.readWorkbook(f.bytes.slice()));
  } finally {
    await reader.close();
  }
}, 600_000);

const outcome = (r: WorkbookRead | undefined): string => (r?.book && !r.findings.some((f) => f.severity === 'error') ? 'read' : (r?.findings.find((f) => f.severity === 'error')?.code ?? 'none'));
const readOf = (fragment: string): WorkbookRead | undefined => reads.get(files.find((f) => f.name.includes(fragment))?.name ?? '');
const detailOf = (fragment: string): string => readOf(fragment)?.findings.map((f) => f.message_vi).join(' ') ?? '';

describe('further hostile files, each read in a worker under the default budget', () => {
  it('every file ends with one of its right outcomes, for all three formats', () => {
    expect(files.length).toBeGreaterThan(30);
    expect(new Set(files.map((f) => f.ext))).toEqual(new Set(['xlsx', 'xls', 'ods']));
    for (const f of files) expect([f.name, f.expect.includes(outcome(reads.get(f.name)))]).toEqual([f.name, true]);
  });

  it('a refused file carries exactly one finding, an error', () => {
    for (const f of files) {
      const r = reads.get(f.name);
      if (outcome(r) !== 'read') expect([f.name, r?.book, r?.findings.length]).toEqual([f.name, undefined, 1]);
    }
  });

  it('names what is wrong: a DOCTYPE, the sheets sharing records, a table inside a cell', () => {
    expect(detailOf('billion laughs (entities')).toContain('DOCTYPE');
    expect(detailOf('external entity')).toContain('DOCTYPE');
    expect(detailOf('20,000 sheets pointing')).toContain('nhiều trang tính cùng trỏ tới dữ liệu');
    expect(detailOf('a table inside a cell')).toContain('bảng "con" nằm trong một ô của bảng khác');
    expect(readOf('a table inside a cell')?.findings[0]).toMatchObject({ code: 'file_corrupt', sheet: 'SoLieu', params: { reason: 'table_in_cell', part: 'content.xml', extra: 'con' } });
    expect(readOf('20,000 sheets pointing')?.findings[0]?.params).toMatchObject({ reason: 'sheets_share_data' });
    expect(detailOf('bidi controls')).toMatch(/U\+0000|NUL|ký tự/);
  });

  it('what is read is the data: the first row of the files read correctly', () => {
    for (const fragment of ['20,000 whole-sheet data validations', 'comments part declaring', 'two billion FAT', 'FAT chains', 'claiming 4 billion strings', '4,000 empty sheets']) {
      const r = readOf(fragment);
      if (!r?.book) continue;
      const first = r.book.sheets[0]?.rows[0];
      expect([fragment, first?.[1]]).toEqual([fragment, 120]);
    }
    expect(readOf('4,000 empty sheets')?.book?.sheets).toHaveLength(4000);
    expect(readOf('a cell of 32,767')?.book?.sheets[0]?.rows[0]?.map((v) => String(v).length)).toEqual([32_767, 1_000_000]);
  });
});
