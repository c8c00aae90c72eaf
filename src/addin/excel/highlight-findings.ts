import type { Severity } from '../../core/findings/finding-codes';
import type { SheetInfo } from './sheet-list';
import { queueWithProtectionLifted } from './sheet-list';

/**
 * Highlights are conditional formats, not fills: they sit on top of the
 * user's own formatting without changing it, and are found again on the
 * next run by the marker in their formula (a rule that is always true),
 * so removing them touches nothing else, even after the pane was closed.
 */
export const HIGHLIGHT_MARKER = 'PHU-KIEMTRA';

const STYLES: Readonly<Record<Severity, { readonly tag: string; readonly fill: string; readonly font: string }>> = {
  error: { tag: `${HIGHLIGHT_MARKER}-LOI`, fill: '#FFC7CE', font: '#9C0006' },
  warning: { tag: `${HIGHLIGHT_MARKER}-CANHBAO`, fill: '#FFEB9C', font: '#9C5700' },
};

/** The always-true rule of a highlight, carrying its marker. */
export function highlightFormula(severity: Severity): string {
  return `=LEN("${STYLES[severity].tag}")>0`;
}

/** Cells highlighted at most per run: enough to see where the trouble is, few enough for one round trip. */
export const MAX_HIGHLIGHTED_CELLS = 1000;
/** Cells per conditional format (one `getRanges` address list). */
const CELLS_PER_RULE = 100;

/** The conditional formats of a sheet, queued for loading. */
export interface HighlightScan {
  readonly sheet: string;
  readonly formats: Excel.ConditionalFormatCollection;
}

/** A cell to highlight. */
export interface HighlightCell {
  readonly sheet: string;
  readonly cell: string;
  readonly severity: Severity;
}

/** Queues the load of each sheet's conditional formats, to find PHU's previous highlights. */
export function queueHighlightScan(context: Excel.RequestContext, sheets: readonly string[]): HighlightScan[] {
  return sheets.map((sheet) => ({
    sheet,
    formats: context.workbook.worksheets.getItem(sheet).getRange().conditionalFormats.load('items/type,items/customOrNullObject/rule/formula'),
  }));
}

/** Indices (descending, so deleting one does not move the next) of PHU's highlights in a scan. */
export function highlightIndices(scan: HighlightScan): number[] {
  const out: number[] = [];
  scan.formats.items.forEach((cf, i) => {
    if (cf.type !== 'Custom') return;
    const custom = cf.customOrNullObject;
    if (custom.isNullObject) return;
    if (custom.rule.formula.includes(HIGHLIGHT_MARKER)) out.push(i);
  });
  return out.reverse();
}

/** The cells to highlight: one per cell (an error outranks a warning), at most `MAX_HIGHLIGHTED_CELLS`. */
export function pickHighlightCells(cells: readonly HighlightCell[], max = MAX_HIGHLIGHTED_CELLS): { cells: HighlightCell[]; skipped: number } {
  const byCell = new Map<string, HighlightCell>();
  for (const c of cells) {
    const k = `${c.sheet}\u0000${c.cell.toUpperCase()}`;
    const had = byCell.get(k);
    if (!had || (had.severity === 'warning' && c.severity === 'error')) byCell.set(k, c);
  }
  const all = [...byCell.values()].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return { cells: all.slice(0, max), skipped: Math.max(0, all.length - max) };
}

/**
 * Queues the removal of the previous highlights found by `scans` and the
 * new highlights, sheet by sheet (protection lifted for PHU's own rules and
 * put back). Nothing is queued for a sheet with nothing to change.
 * @returns how many highlights were removed
 */
export function queueHighlightUpdate(context: Excel.RequestContext, scans: readonly HighlightScan[], cells: readonly HighlightCell[], sheets: readonly SheetInfo[]): number {
  let removed = 0;
  const names = new Set([...scans.map((s) => s.sheet), ...cells.map((c) => c.sheet)]);
  for (const name of names) {
    const scan = scans.find((s) => s.sheet === name);
    const old = scan ? highlightIndices(scan) : [];
    const mine = cells.filter((c) => c.sheet === name);
    if (old.length === 0 && mine.length === 0) continue;
    const ws = context.workbook.worksheets.getItem(name);
    queueWithProtectionLifted(
      ws,
      sheets.find((s) => s.name === name),
      () => {
        for (const i of old) scan?.formats.items[i]?.delete();
        removed += old.length;
        for (const severity of ['warning', 'error'] as const) {
          const addresses = mine.filter((c) => c.severity === severity).map((c) => c.cell);
          for (let k = 0; k < addresses.length; k += CELLS_PER_RULE) {
            const cf = ws.getRanges(addresses.slice(k, k + CELLS_PER_RULE).join(',')).conditionalFormats.add('Custom');
            cf.custom.rule.formula = highlightFormula(severity);
            cf.custom.format.fill.color = STYLES[severity].fill;
            cf.custom.format.font.color = STYLES[severity].font;
          }
        }
      },
    );
  }
  return removed;
}
