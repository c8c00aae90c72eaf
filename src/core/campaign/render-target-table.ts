import type { FormDef } from '../forms/form-schema';
import type { OutputBook } from '../grid/output-book';
import type { Scalar } from '../grid/scalar';
import type { Unit } from '../units/unit';
import { TARGET_CODE_KEY, TARGET_NAME_KEY, TARGET_SHEET, targetColumns } from './target-table';

/**
 * A target table to fill (or as filled): sheet `ChiTieu`, row 1 labels,
 * row 2 keys (hidden), one row per unit with its target cells open to whole
 * numbers >= 0 and the rest locked. What `readTargetTable` reads.
 *
 * @param units the units the level above assigns targets to, in the order wanted (a province: its districts, or its districts then their communes)
 * @param targets values already assigned, by unit code
 * @example renderTargetTable(FORM_4PHU_2024, registry.children('688'))
 */
export function renderTargetTable(form: FormDef, units: readonly Unit[], targets: Readonly<Record<string, Readonly<Record<string, number>>>> = {}): OutputBook {
  const cols = targetColumns(form);
  const labels: Scalar[] = ['Mã đơn vị', 'Tên đơn vị', ...cols.map((c) => (c.group !== undefined ? `${c.group}: ${c.label}` : c.label))];
  const keys: Scalar[] = [TARGET_CODE_KEY, TARGET_NAME_KEY, ...cols.map((c) => c.key)];
  const rows: Scalar[][] = [labels, keys, ...units.map((u): Scalar[] => [u.code, u.name, ...cols.map((c) => targets[u.code]?.[c.key] ?? null)])];
  const last = rows.length - 1;
  return {
    sheets: [
      {
        name: TARGET_SHEET,
        rows,
        columns: [{ width: 10 }, { width: 30 }, ...cols.map(() => ({ width: 18, numFmt: '#,##0' }))],
        hiddenRows: [1],
        headerRows: [0],
        frozen: { rows: 2, columns: 2 },
        ...(units.length > 0 ? { inputs: [{ top: 2, left: 2, bottom: last, right: 1 + cols.length }] } : {}),
        protect: true,
        print: { orientation: 'landscape', fitToWidth: true, repeatRows: { top: 0, bottom: 1 } },
      },
    ],
  };
}
