import { FORM_4PHU_2024 } from '../../../src/core/forms/form-4phu-2024';
import type { OutputBook } from '../../../src/core/grid/output-book';
import type { Scalar } from '../../../src/core/grid/scalar';
import type { WorkbookGrid } from '../../../src/core/grid/sheet-grid';
import { renderSubmission } from '../../../src/core/render/render-submission';
import type { SubmissionDataRow } from '../../../src/core/submission/submission-data';
import { balancedRow, infoFor, reasonRows } from '../submission-fixtures';

/** An OutputBook as the grid a reader would get back (values only). */
export function gridOfBook(book: OutputBook): WorkbookGrid {
  return { sheets: book.sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => [...r]) })) };
}

/**
 * A consistent commune submission (Phường Thác Mơ, 25216) with `villages`
 * rows in SoLieu: what the task pane tests and the benchmark read, from
 * 100 to 20,000 rows. Every row balances, LyDo sums to the processed totals.
 */
export function communeSubmission(villages: number): OutputBook {
  const rows: SubmissionDataRow[] = Array.from({ length: villages }, (_, i) => balancedRow(`T${String(i + 1).padStart(5, '0')}`, `Thôn ${String(i + 1)}`, i + 1));
  const sum = (k: string): number => rows.reduce((s, r) => s + (r.values[k] ?? 0), 0);
  return renderSubmission(FORM_4PHU_2024, {
    info: infoFor('xa', '25216', 'Phường Thác Mơ', '688'),
    tables: { SoLieu: rows, LyDo: reasonRows(sum('cccd_processed'), sum('ddt_processed')) },
  });
}

/** The first data row of SoLieu in the rendered form (Excel row 4). */
export const FIRST_DATA_ROW = 4;

/**
 * A faulty commune submission: a count typed as text with a thousands dot
 * (E4), a negative count (F5), a done count above its target (E6), so the
 * total row no longer adds up. Cells given as A1 addresses of SoLieu.
 */
export function faultyCommuneGrid(villages = 6): { grid: WorkbookGrid; faults: Readonly<Record<string, Scalar>> } {
  const grid = gridOfBook(communeSubmission(villages));
  const faults: Record<string, Scalar> = { E4: '1.234', F5: -3, E6: 9999 };
  const solieu = grid.sheets.find((s) => s.name === 'SoLieu');
  if (!solieu) throw new Error('no SoLieu');
  const rows = solieu.rows as Scalar[][];
  for (const [a, v] of Object.entries(faults)) {
    const col = a.charCodeAt(0) - 65;
    const row = Number(a.slice(1)) - 1;
    const r = rows[row];
    if (r) r[col] = v;
  }
  return { grid, faults };
}
