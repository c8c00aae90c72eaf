import { cellAddress } from '../grid/cell-address';
import { cellAt, findSheet, type WorkbookGrid } from '../grid/sheet-grid';
import { createFinding, type Finding } from '../findings/finding';
import type { FormDef } from '../forms/form-schema';
import { dateToExcelSerial } from '../format/iso-date';
import { normalizeCode, sameName } from '../text/normalize-text';
import type { SubmissionInfo } from '../submission/submission';
import { isBlank, readCode, readDate, readText, type CellRead } from './read-cell';

/** ThongTin as read: values by key, the A1 cell of each value, and findings. */
export interface InfoRead {
  readonly sheet: string;
  readonly found: boolean;
  readonly info: SubmissionInfo;
  /** key -> A1 of its value cell (where it is, or where it belongs when absent). */
  readonly cells: Readonly<Record<string, string>>;
  /** Keys whose value cell holds something unreadable: it has its own finding, so it is not also "missing". */
  readonly unreadable: ReadonlySet<string>;
  readonly findings: readonly Finding[];
}

/**
 * Reads the ThongTin sheet by its key column, rows in any order. A row whose
 * key cell is blank is matched by its label, since people retype rows.
 * Missing required keys are left for the caller, which knows which blanks
 * are acceptable (a province's parent).
 */
export function readInfo(book: WorkbookGrid, form: FormDef): InfoRead {
  const def = form.info;
  const grid = findSheet(book, def.sheet);
  const sheet = grid?.name ?? def.sheet;
  const findings: Finding[] = [];
  const info: Record<string, string> = {};
  const cells: Record<string, string> = {};
  const unreadable = new Set<string>();
  // Where each key belongs in the form's own order, for findings about absent keys.
  def.keys.forEach((k, i) => (cells[k.key] = cellAddress(def.headerRow + i, def.valueColumn)));
  if (!grid) {
    findings.push(createFinding('sheet_missing', { expected: def.sheet }, { sheet, cell: 'A1' }));
    return { sheet, found: false, info, cells, unreadable, findings };
  }
  const seen = new Map<string, string>();
  for (let r = def.headerRow; r < grid.rows.length; r++) {
    const keyCell = cellAt(grid, r, def.keyColumn);
    const label = cellAt(grid, r, def.labelColumn);
    let k = isBlank(keyCell) ? undefined : def.keys.find((x) => x.key === normalizeCode(String(keyCell)).toLowerCase());
    if (!k && isBlank(keyCell) && typeof label === 'string') k = def.keys.find((x) => sameName(x.label, label));
    if (!k) continue;
    const keyAt = cellAddress(r, def.keyColumn);
    const first = seen.get(k.key);
    if (first !== undefined) {
      findings.push(createFinding('row_duplicate', { code: k.key, first }, { sheet, cell: keyAt }));
      continue;
    }
    seen.set(k.key, keyAt);
    const at = { sheet, cell: cellAddress(r, def.valueColumn) };
    cells[k.key] = at.cell;
    const cellValue = cellAt(grid, r, def.valueColumn);
    // PHU's templates format the whole value column as dates: a code or a version typed there as digits
    // (25310) comes back as a date (17/04/1969); the number behind it is what was typed.
    const serial = k.kind !== 'date' && cellValue instanceof Date ? dateToExcelSerial(cellValue) : undefined;
    const raw = serial !== undefined && Number.isInteger(serial) ? serial : cellValue;
    const read: CellRead<string> = k.kind === 'date' ? readDate(raw, at) : k.kind === 'code' ? readCode(raw, at) : readText(raw, at);
    if (read.finding) findings.push(read.finding);
    if (read.value !== null) info[k.key] = read.value;
    else if (read.finding) unreadable.add(k.key);
  }
  return { sheet, found: true, info, cells, unreadable, findings };
}
