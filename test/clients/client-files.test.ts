import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { FORM_4PHU_2024 } from '../../src/core/forms/form-4phu-2024';
import { nationalRegistry } from '../../src/core/units/national-registry';
import { validateSubmission } from '../../src/core/validate/validate-submission';
import { binhPhuocDistrictFigures } from '../../src/sample/binh-phuoc-districts';
import { generateProvince } from '../../src/sample/generate-province';
import { readWorkbook } from '../../src/xlsx/read-workbook';
import { runCli, tempDir } from '../cli/run-cli';

/**
 * Files communes really send, made by scripts/make-client-fixtures.sh from
 * the demo's district 693 (Huyện Bù Đốp) with LibreOffice Calc 7.4 and
 * openpyxl: each is read with the demo's figures, or refused at the right
 * cell, and the district's folder consolidates to the demo's totals. The
 * same again with other tools and edits ("693 other tools"): Calc's .xlsm,
 * .xltx and ISO Office Open XML, sorted, merged, hidden, commented and
 * validated cells, SUMIF/ROUND/IF totals with results, openpyxl's write-only
 * and absolute or shared formulas without results, a SheetJS writer
 * standing for generic exporters.
 */
const form = FORM_4PHU_2024;
const registry = nationalRegistry();
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'clients');
const DISTRICT = path.join(FIXTURES, '693 Huyện Bù Đốp');
const OTHER_TOOLS = path.join(FIXTURES, '693 other tools');

/** The demo's figures, as `phu demo` generates them (same options, same seed). */
function demoFigures(): { commune: (code: string) => Readonly<Record<string, number>>; district: Readonly<Record<string, number>> } {
  const communes = registry.children('688').map((c) => c.code);
  const pick = (i: number): string[] => (communes[i] === undefined ? [] : [communes[i]]);
  const generated = generateProvince({
    rootCode: '70',
    registry,
    form,
    period: 'TK',
    fixed: binhPhuocDistrictFigures(),
    faults: { late: pick(1), staleDuplicate: pick(2), invalid: pick(3), missing: pick(communes.length - 1) },
  });
  const district = generated.figures.get('693')?.values;
  if (!district) throw new Error('no figures for 693');
  return {
    commune: (code) => {
      const c = generated.communes.find((x) => x.unit.code === code);
      if (!c) throw new Error(`no commune ${code}`);
      return c.figures.values;
    },
    district,
  };
}

async function check(file: string): Promise<ReturnType<typeof validateSubmission> & { readFindings: string[] }> {
  const bytes = new Uint8Array(await fs.readFile(file));
  const read = await readWorkbook(bytes);
  const readFindings = read.findings.map((f) => f.code);
  if (!read.book) return { submission: { info: {}, tables: {} }, findings: read.findings, ok: false, readFindings };
  const result = validateSubmission(read.book, { form, registry, file: path.basename(file), expect: { period: 'TK' } });
  return { ...result, readFindings };
}

const codesAt = (r: { findings: readonly { code: string; sheet?: string; cell?: string }[] }): string[] => r.findings.map((f) => `${f.code} ${f.sheet ?? ''}!${f.cell ?? ''}`);

describe('files made by LibreOffice Calc and openpyxl', () => {
  const figures = demoFigures();

  it.each([
    ['693 Huyện Bù Đốp/25308 Thị trấn Thanh Bình.xls', []],
    ['693 Huyện Bù Đốp/25309 Xã Hưng Phước.ods', []],
    ['693 Huyện Bù Đốp/25310 Xã Phước Thiện.xlsx', []],
    ['693 Huyện Bù Đốp/25312 Xã Thiện Hưng.xlsx', []],
    ['693 Huyện Bù Đốp/25315 Xã Thanh Hòa.xlsx', ['key_row_read_by_labels SoLieu!A2']],
    ['693 Huyện Bù Đốp/25318 Xã Tân Thành.xlsx', []],
    ['693 Huyện Bù Đốp/25321 Xã Tân Tiến.xlsx', []],
    ['more/25310 row deleted.xls', []],
    ['more/25312 column inserted.ods', []],
    ['more/25315 key row deleted.ods', ['key_row_read_by_labels SoLieu!A2', 'key_row_read_by_labels LyDo!A1']],
    ['more/25321 hand-made sums.xlsx', []],
    // Other tools and edits (the end of scripts/make-client-fixtures.sh).
    ['693 other tools/25308 Thị trấn Thanh Bình.xlsm', ['date_as_text ThongTin!C11']],
    ['693 other tools/25309 Xã Hưng Phước.xlsx', []],
    ['693 other tools/25310 Xã Phước Thiện.xlsx', []],
    ['693 other tools/25312 Xã Thiện Hưng.xlsx', []],
    ['693 other tools/25315 Xã Thanh Hòa.xlsx', []],
    ['693 other tools/25318 Xã Tân Thành.xlsx', []],
    ['693 other tools/25321 Xã Tân Tiến.xlsx', []],
    ['more/25309 SheetJS.ods', []],
    ['more/25310 Office Open XML.xlsx', []],
    ['more/25310 template.xltx', []],
    ['more/25310 date as serial, code as number.xlsx', []],
    ['more/25310 date typed, info edited.ods', []],
    ['more/25310 thousands format, filter, frozen.xlsx', []],
    ['more/25310 phone typed as a number.xlsx', []],
    ['more/25310 phone and code typed as numbers.xls', []],
    ['more/25310 key row altered.xlsx', ['key_row_read_by_labels SoLieu!A2', 'key_row_read_by_labels LyDo!A1']],
    ['more/25310 key code cleared.ods', ['key_row_read_by_labels SoLieu!A2']],
    ['more/25310 date written out.xls', ['date_as_text ThongTin!C11']],
    ['more/25310 title row inserted.xlsx', []],
    ['more/25310 blank row inside, note after total.xls', []],
    ['more/25310 info and reasons sorted.ods', []],
    // An added rate column (one cell #DIV/0!) is not the form's: ignored; the report date is a formula with its result.
    ['more/25310 column A inserted, rate column.xlsx', []],
  ] as const)('%s is read with the original figures', async (name, warnings) => {
    const r = await check(path.join(FIXTURES, name));
    expect(codesAt(r)).toEqual(warnings);
    expect(r.ok).toBe(true);
    const code = /(\d{5})/.exec(name)?.[1] ?? '';
    expect(r.submission.info.unit_code).toBe(code);
    expect(r.submission.tables['SoLieu']?.total?.values).toEqual(figures.commune(code));
  });

  it.each([
    ['25308 number as text.xlsx', ['number_as_text SoLieu!H4']],
    ['25308 formula not computable.xlsx', ['formula_uncalculated SoLieu!E7']],
    ['25309 reason not applicable.xlsx', ['reason_not_applicable LyDo!C17']],
    ['25310 key row deleted, labels changed.xlsx', ['key_row_missing SoLieu!A3']],
    ['25310 csv.csv', ['file_not_workbook !']],
    ['25310 password.ods', ['file_encrypted !']],
    ['25310 password.xls', ['file_encrypted !']],
    // Other edits and other writers.
    ['25310 column deleted.xlsx', ['column_missing SoLieu!G3']],
    ['25310 sheet renamed.xlsx', ['sheet_missing SoLieu!A1']],
    ['25310 number as text with comma.xlsx', ['number_as_text SoLieu!H4']],
    ['25310 number as text with dot.ods', ['number_as_text SoLieu!H4']],
    ['25310 number with apostrophe.xlsx', ['number_as_text SoLieu!H4']],
    // A fraction is a figure Excel adds up: the total and the balance that no longer hold are reported too.
    ['25310 decimal.xls', ['number_not_integer SoLieu!E5', 'total_mismatch SoLieu!E8', 'balance_exceeds SoLieu!D5']],
    ['25310 percentage.xlsx', ['number_not_integer SoLieu!E5', 'total_mismatch SoLieu!E8', 'balance_short SoLieu!D5']],
    ['25310 negative.xlsx', ['number_negative SoLieu!G5', 'total_mismatch SoLieu!G8', 'balance_short SoLieu!D5']],
    ['25310 number in a text-formatted cell.xlsx', ['number_as_text SoLieu!E5']],
    ['25310 date impossible.xlsx', ['date_invalid ThongTin!C11']],
    ['25310 other period.xlsx', ['period_mismatch ThongTin!C8']],
    ['25312 ROUND and IF.xlsx', ['formula_uncalculated SoLieu!E8']],
    ['25312 other sheet referenced.xlsx', ['formula_uncalculated LyDo!C18']],
    ['25312 whole column.xlsx', ['formula_uncalculated SoLieu!D8']],
    ['25310 flat xml.fods', ['file_not_workbook !']],
    ['25309 Excel 2003 XML.xml', ['file_not_workbook !']],
    ['25309 binary.xlsb', ['file_not_workbook !']],
  ] as const)('rejected/%s is refused at the right place, and only there', async (name, errors) => {
    const r = await check(path.join(FIXTURES, 'rejected', name));
    expect(codesAt(r)).toEqual(errors);
    expect(r.ok).toBe(false);
  });

  it('a formula PHU cannot compute is named once, with its cell', async () => {
    const r = await check(path.join(FIXTURES, 'rejected', '25308 formula not computable.xlsx'));
    expect(r.findings[0]?.params).toEqual({ formula: 'SUMIF(B4:B6,"<>",E4:E6)', count: 1, cells: 'SoLieu!E7' });
  });

  it('formulas PHU cannot compute are named once per file, every cell listed', async () => {
    const r = await check(path.join(FIXTURES, 'rejected', '25312 ROUND and IF.xlsx'));
    expect(r.findings[0]?.params).toEqual({ formula: 'ROUND(SUM(E4:E7),0)', count: 2, cells: 'SoLieu!E8, SoLieu!F8' });
  });

  it.each([
    ['25310 flat xml.fods', 'fods'],
    ['25309 Excel 2003 XML.xml', 'spreadsheetml'],
    ['25309 binary.xlsb', 'xlsb'],
  ] as const)('rejected/%s is refused as what it is (%s), saying to save it as .xlsx', async (name, detected) => {
    const r = await check(path.join(FIXTURES, 'rejected', name));
    expect(r.findings[0]?.params).toEqual({ detected });
  });

  it('a unit code typed as digits into the template\'s date-formatted column is the code typed', async () => {
    const r = await check(path.join(FIXTURES, 'more', '25310 date as serial, code as number.xlsx'));
    expect(r.submission.info).toMatchObject({ unit_code: '25310', form_version: '1', report_date: '2024-07-04' });
  });

  it.each(['25310 phone typed as a number.xlsx', '25310 phone and code typed as numbers.xls'])(
    'more/%s: a phone typed as digits into the date-formatted column (Excel shows #####) is the number typed',
    async (name) => {
      const r = await check(path.join(FIXTURES, 'more', name));
      expect(r.submission.info).toMatchObject({ unit_code: '25310', phone: '912345678' });
    },
  );

  it('a neighbour\'s unit code typed in ThongTin makes the file that unit\'s, with a warning on the name', async () => {
    const r = await check(path.join(FIXTURES, 'more', "25310 neighbour's unit code.xlsx"));
    expect(codesAt(r)).toEqual(['unit_name_mismatch ThongTin!C6']);
    expect(r.submission.info.unit_code).toBe('25309');
  });

  it('a commune that sent a flat XML spreadsheet is Không hợp lệ with that file, not Chưa nộp; an Excel 2003 XML beside a good file is listed as invalid', async () => {
    const tmp = await tempDir('phu-clients-');
    try {
      const folder = path.join(tmp.dir, '693');
      await fs.mkdir(folder);
      for (const f of await fs.readdir(OTHER_TOOLS)) if (!f.startsWith('25310')) await fs.copyFile(path.join(OTHER_TOOLS, f), path.join(folder, f));
      await fs.copyFile(path.join(FIXTURES, 'rejected', '25310 flat xml.fods'), path.join(folder, '25310 Xã Phước Thiện.fods'));
      // Old Excel's "XML Spreadsheet 2003", from another commune, beside its good file: the commune stays used.
      await fs.copyFile(path.join(FIXTURES, 'rejected', '25309 Excel 2003 XML.xml'), path.join(folder, '25309 Xã Hưng Phước.xml'));
      const run = await runCli(['consolidate', folder, '--unit', '693', '--period', 'TK', '--out', path.join(tmp.dir, '693.xlsx'), '--json', path.join(tmp.dir, 'tom-tat.json')], tmp.dir);
      expect(run.stdout).toContain('Không hợp lệ:\n  Xã Phước Thiện (25310): "25310 Xã Phước Thiện.fods": Tệp không phải bảng tính');
      expect(run.stdout).not.toContain('Chưa nộp:');
      const summary = JSON.parse(await fs.readFile(path.join(tmp.dir, 'tom-tat.json'), 'utf8')) as {
        completeness: Record<string, number>;
        children: { code: string; status: string; file: string | null; firstError: { code: string } | null }[];
        sources: { file: string; status: string }[];
      };
      expect(summary.completeness).toMatchObject({ expected: 7, onTime: 6, missing: 0, invalid: 1 });
      expect(summary.children.find((c) => c.code === '25310')).toMatchObject({ status: 'invalid', file: '25310 Xã Phước Thiện.fods', firstError: { code: 'file_not_workbook' } });
      expect(summary.children.find((c) => c.code === '25309')).toMatchObject({ file: '25309 Xã Hưng Phước.xlsx', firstError: null });
      expect(summary.sources.find((x) => x.file === '25309 Xã Hưng Phước.xml')).toMatchObject({ status: 'invalid' });
    } finally {
      await tmp.remove();
    }
  });

  it.each([
    ['the folder of the district', DISTRICT],
    ['a folder of files from other tools', OTHER_TOOLS],
  ])('%s consolidates to the demo totals, every commune used', async (_what, folder) => {
    const tmp = await tempDir('phu-clients-');
    try {
      const run = await runCli(['consolidate', folder, '--unit', '693', '--period', 'TK', '--out', path.join(tmp.dir, '693.xlsx'), '--json', path.join(tmp.dir, 'tom-tat.json')], tmp.dir);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const summary = JSON.parse(await fs.readFile(path.join(tmp.dir, 'tom-tat.json'), 'utf8')) as {
        completeness: Record<string, number>;
        total: { values: Record<string, number> };
        sources: { file: string; status: string }[];
      };
      expect(summary.completeness).toMatchObject({ expected: 7, onTime: 7, late: 0, missing: 0, invalid: 0 });
      expect(summary.sources.map((s) => s.status)).toEqual(Array(7).fill('used'));
      expect(summary.total.values).toEqual(figures.district);
    } finally {
      await tmp.remove();
    }
  });

  it('a commune whose only file is refused is Không hợp lệ with that file and its error, never Chưa nộp', async () => {
    const tmp = await tempDir('phu-clients-');
    try {
      const folder = path.join(tmp.dir, '693');
      await fs.mkdir(folder);
      for (const f of await fs.readdir(DISTRICT)) if (!f.startsWith('25308')) await fs.copyFile(path.join(DISTRICT, f), path.join(folder, f));
      await fs.copyFile(path.join(FIXTURES, 'rejected', '25310 password.xls'), path.join(folder, '25308 Thị trấn Thanh Bình.xls'));
      const run = await runCli(['consolidate', folder, '--unit', '693', '--period', 'TK', '--out', path.join(tmp.dir, '693.xlsx'), '--json', path.join(tmp.dir, 'tom-tat.json')], tmp.dir);
      expect(run.stdout).toContain('Không hợp lệ:\n  Thị trấn Thanh Bình (25308): "25308 Thị trấn Thanh Bình.xls": Tệp được mã hóa bằng mật khẩu');
      expect(run.stdout).not.toContain('Chưa nộp:');
      const summary = JSON.parse(await fs.readFile(path.join(tmp.dir, 'tom-tat.json'), 'utf8')) as {
        completeness: Record<string, number>;
        children: { code: string; status: string; file: string | null; firstError: { code: string } | null }[];
      };
      expect(summary.completeness).toMatchObject({ expected: 7, onTime: 6, missing: 0, invalid: 1 });
      expect(summary.children.find((c) => c.code === '25308')).toMatchObject({ status: 'invalid', file: '25308 Thị trấn Thanh Bình.xls', firstError: { code: 'file_encrypted' } });
    } finally {
      await tmp.remove();
    }
  });
});
