import type { FormDef } from '../../src/core/forms/form-schema';
import { columnLetter, parseCellAddress } from '../../src/core/grid/cell-address';
import type { Scalar } from '../../src/core/grid/scalar';
import type { WorkbookGrid } from '../../src/core/grid/sheet-grid';
import type { SubmissionData, SubmissionDataRow } from '../../src/core/submission/submission-data';
import type { UnitRegistry } from '../../src/core/units/unit-registry';

/**
 * Consistent 4PHU-2024 submissions for tests and demos: every row balanced
 * (done + processed + declined = target), reasons summing to the processed
 * totals. Figures are derived from the row's position, so any unit's
 * children give a different, reproducible table.
 */

/** A row of the main table whose `cccd` and `ddt` balance exactly. */
export function balancedRow(code: string, name: string, seed: number): SubmissionDataRow {
  const t = 120 + ((seed * 37) % 90);
  const dt = 100 + ((seed * 53) % 70);
  const pt = 60 + ((seed * 11) % 40);
  const st = 40 + ((seed * 7) % 30);
  return {
    code,
    name,
    values: {
      cccd_target: t,
      cccd_done: t - 30 - (seed % 5),
      cccd_processed: 20,
      cccd_declined: 10 + (seed % 5),
      ddt_target: dt,
      ddt_done: dt - 25,
      ddt_processed: 15 + (seed % 3),
      ddt_declined: 10 - (seed % 3),
      phone4g_target: pt,
      phone4g_done: Math.round(pt * 1.3),
      simcks_target: st,
      simcks_done: st - 5,
    },
  };
}

/** LyDo rows splitting the processed totals over a few reasons (R15 for ddt only). */
export function reasonRows(cccdProcessed: number, ddtProcessed: number): SubmissionDataRow[] {
  const c1 = Math.floor(cccdProcessed / 2);
  const d1 = Math.floor(ddtProcessed / 3);
  return [
    { code: 'R01', name: '', values: { cccd: c1, ddt: d1 } },
    { code: 'R03', name: '', values: { cccd: cccdProcessed - c1 - 1, ddt: d1 } },
    { code: 'R09', name: '', values: { cccd: 1, ddt: null } },
    { code: 'R15', name: '', values: { ddt: ddtProcessed - 2 * d1 } },
  ];
}

/** ThongTin of a submission of the 2024 D1 period. */
export function infoFor(level: string, unitCode: string, unitName: string, parentCode: string): SubmissionData['info'] {
  return {
    form: '4PHU-2024',
    form_version: '1',
    level,
    unit_code: unitCode,
    unit_name: unitName,
    parent_code: parentCode,
    period: 'D1',
    period_from: '2024-04-08',
    period_to: '2024-05-08',
    report_date: '2024-05-09',
    preparer: 'Bộ phận một cửa',
    phone: '0000 000 000',
  };
}

function withReasons(info: SubmissionData['info'], rows: SubmissionDataRow[]): SubmissionData {
  const sum = (k: string): number => rows.reduce((s, r) => s + (r.values[k] ?? 0), 0);
  return { info, tables: { SoLieu: rows, LyDo: reasonRows(sum('cccd_processed'), sum('ddt_processed')) } };
}

/** Phường Thác Mơ (25216, Thị xã Phước Long): its villages, one with a local code, one without. */
export function communeData(): SubmissionData {
  const villages = ['Khu phố 1', 'Khu phố 2', 'Khu phố 3', 'Khu phố Phước Trung'].map((name, i) => balancedRow(i === 3 ? '' : `KP${i + 1}`, name, i + 1));
  return withReasons(infoFor('xa', '25216', 'Phường Thác Mơ', '688'), villages);
}

/** A unit's submission with one balanced row per child unit in the registry. */
export function unitsData(registry: UnitRegistry, code: string): SubmissionData {
  const unit = registry.get(code);
  if (!unit) throw new Error(`no unit ${code} in the registry`);
  const rows = registry.children(unit.code).map((c, i) => balancedRow(c.code, c.name, i + 1));
  return withReasons(infoFor(unit.level, unit.code, unit.name, unit.parentCode ?? ''), rows);
}

/** A copy of a workbook grid with plain mutable rows. */
export function cloneGrid(book: WorkbookGrid): { sheets: Array<{ name: string; rows: Scalar[][] }> } {
  return { sheets: book.sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => [...(r ?? [])]) })) };
}

/** A copy of the workbook with one cell changed (A1 address). */
export function setCell(book: WorkbookGrid, sheet: string, address: string, value: Scalar): WorkbookGrid {
  return setCells(book, sheet, { [address]: value });
}

/** A copy of the workbook with several cells of one sheet changed. */
export function setCells(book: WorkbookGrid, sheet: string, cells: Readonly<Record<string, Scalar>>): WorkbookGrid {
  const copy = cloneGrid(book);
  const s = copy.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  for (const [address, value] of Object.entries(cells)) {
    const at = parseCellAddress(address);
    if (!at) throw new Error(`bad address ${address}`);
    while (s.rows.length <= at.row) s.rows.push([]);
    const row = s.rows[at.row] as Scalar[];
    while (row.length <= at.col) row.push(null);
    row[at.col] = value;
  }
  return copy;
}

/** The value of a cell (A1) of a sheet, null when blank. */
export function getCell(book: WorkbookGrid, sheet: string, address: string): Scalar {
  const at = parseCellAddress(address);
  const s = book.sheets.find((x) => x.name === sheet);
  return at && s ? (s.rows[at.row]?.[at.col] ?? null) : null;
}

/** A copy of the workbook with a sheet's rows replaced by `edit` of them. */
export function editRows(book: WorkbookGrid, sheet: string, edit: (rows: Scalar[][]) => Scalar[][]): WorkbookGrid {
  const copy = cloneGrid(book);
  return { sheets: copy.sheets.map((s) => (s.name === sheet ? { name: s.name, rows: edit(s.rows) } : s)) };
}

/** The A1 address of a column key of a form table at a 1-based row: `cellFor(form, 'SoLieu', 'cccd_done', 4)` -> `E4`. */
export function cellFor(form: FormDef, sheet: string, key: string, row: number): string {
  const table = form.tables.find((t) => t.sheet === sheet);
  const col = table ? [...table.columns, ...table.computed].findIndex((c) => c.key === key) : -1;
  if (col < 0) throw new Error(`no column ${key} in ${sheet}`);
  return `${columnLetter(col)}${row}`;
}
