import { renderCompleteness } from '../campaign/completeness-table';
import { progressColumns, progressValues } from '../consolidate/progress';
import type { Consolidation } from '../consolidate/consolidation';
import type { Finding } from '../findings/finding';
import { isoDateToDate } from '../format/iso-date';
import { rate } from '../indicators/rate';
import type { FormDef } from '../forms/form-schema';
import type { OutputBook, OutputColumn, OutputSheet } from '../grid/output-book';
import type { Scalar } from '../grid/scalar';
import type { SubmissionData, SubmissionDataRow } from '../submission/submission-data';
import { renderSubmission } from './render-submission';
import { CHILD_STATUS_VI, SEVERITY_VI, SOURCE_STATUS_VI } from './status-labels';

/** Sheet names the consolidation adds after the form's sheets. */
export const CONSOLIDATION_SHEETS = { findings: 'KiemTra', sources: 'NguonDuLieu', narrative: 'NhanXet' } as const;

/** The header (column keys) of `KiemTra`, one row per finding below it. */
export const FINDINGS_HEADER = ['file', 'unit_code', 'severity', 'rule', 'sheet', 'cell', 'message'] as const;

/** The header (column keys) of `NguonDuLieu`, one row per input file below it. */
export const SOURCES_HEADER = ['file', 'unit_code', 'status', 'report_date', 'sha256', 'bytes'] as const;

/** What a consolidated workbook holds besides the form's sheets and KiemTra, NguonDuLieu, NhanXet. */
export interface RenderConsolidationOptions {
  /** Add `TinhHinhNop`: completeness and timeliness per child unit and in total (see `renderCompleteness`). */
  readonly completeness?: boolean;
}

/**
 * The consolidated workbook, as data: the parent's submission in the form's
 * exact layout (ThongTin, SoLieu with one row per expected child in
 * catalogue order and the total row, LyDo), so it is itself a valid
 * submission for the next level; SoLieu also carries the computed columns
 * (rates as numbers formatted `0.00%` with data bars, ranks, and `status`:
 * Đúng hạn / Trễ hạn / Chưa nộp / Không hợp lệ). Then `KiemTra` (every
 * finding), `NguonDuLieu` (every input file, used or not) and `NhanXet`
 * (the draft narrative, one paragraph per row in column A). Text from the
 * inputs (file names, messages) is written as text, never as a formula.
 *
 * @example writeXlsx(renderConsolidation(FORM_4PHU_2024, consolidate(reports, ctx)))
 */
export function renderConsolidation(form: FormDef, c: Consolidation, opts: RenderConsolidationOptions = {}): OutputBook {
  const unitsMain = form.tables.find((t) => t.sheet === form.mainTable)?.rows === 'units';
  // A unit's status and progress belong to rows of units; a main table of items (DVC25) has its units in TinhHinhNop.
  const extra = unitsMain ? [...(form.statusColumn ? [form.statusColumn] : []), ...(c.progress ? progressColumns(form, c.progress) : [])] : [];
  const book = renderSubmission(form, submissionData(form, c), { withComputed: true, ...(extra.length > 0 ? { extraComputed: extra } : {}) });
  const visible = book.sheets.filter((s) => s.state !== 'veryHidden');
  const carried = book.sheets.filter((s) => s.state === 'veryHidden');
  return { sheets: [...visible, findingsSheet(c.findings), sourcesSheet(c), narrativeSheet(c.narrative), ...(opts.completeness ? [renderCompleteness(c)] : []), ...carried] };
}

/**
 * The parent's submission inside a consolidation: each child's total row
 * (blank for a child missing or invalid) with its rates, ranks and status,
 * the summed total row, and the summed item tables.
 */
export function submissionData(form: FormDef, c: Consolidation): SubmissionData {
  const indicators = form.indicators.filter((i) => i.table === form.mainTable);
  const statusKey = form.statusColumn?.key;
  const computedOf = (rates: Readonly<Record<string, number | null>>, ranks?: Readonly<Record<string, number | null>>): Record<string, Scalar> => {
    const out: Record<string, Scalar> = {};
    for (const ind of indicators) {
      out[ind.rateColumn] = rates[ind.key] ?? null;
      if (ind.rankColumn) out[ind.rankColumn] = ranks?.[ind.key] ?? null;
    }
    return out;
  };
  const mainDef = form.tables.find((t) => t.sheet === form.mainTable);
  const children: SubmissionDataRow[] = c.children.map((row) => ({
    code: row.unit.code,
    name: row.unit.name,
    values: row.values,
    computed: {
      ...computedOf(row.rates, row.ranks),
      ...(statusKey !== undefined ? { [statusKey]: CHILD_STATUS_VI[row.status] } : {}),
      ...(c.progress ? progressValues(form, c.progress, row.unit.code) : {}),
    },
  }));
  const tables: Record<string, readonly SubmissionDataRow[]> = { [form.mainTable]: children };
  const totals: Record<string, SubmissionDataRow> = {
    [form.mainTable]: { code: mainDef?.total.code ?? 'TONG', name: mainDef?.total.name ?? '', values: c.total.values, computed: { ...computedOf(c.total.rates), ...(c.progress ? progressValues(form, c.progress, 'total') : {}) } },
  };
  for (const def of form.tables) {
    // A main table of items (services) shows their sums and rates; its units are listed in TinhHinhNop.
    if (def.sheet === form.mainTable && def.rows === 'units') continue;
    const main = def.sheet === form.mainTable;
    const ratesOf = (values: Readonly<Record<string, number | null>>): { computed?: Record<string, Scalar> } =>
      main ? { computed: computedOf(Object.fromEntries(indicators.map((i) => [i.key, rate(values[i.done], values[i.target])]))) } : {};
    const sums = c.items[def.sheet] ?? {};
    const names = new Map((def.items ?? []).map((i) => [i.code, i.name] as const));
    tables[def.sheet] = Object.entries(sums)
      .filter(([code]) => code !== def.total.code)
      .map(([code, values]) => ({ code, name: names.get(code) ?? code, values, ...ratesOf(values) }));
    const total = sums[def.total.code];
    if (total) totals[def.sheet] = { code: def.total.code, name: def.total.name, values: total, ...ratesOf(total) };
  }
  return { info: c.info, tables, totals };
}

/** A header row then one row per record, filtered, header frozen. */
function listSheet(name: string, header: readonly string[], rows: Scalar[][], columns: readonly OutputColumn[]): OutputSheet {
  return {
    name,
    rows: [[...header], ...rows],
    columns,
    headerRows: [0],
    frozen: { rows: 1, columns: 0 },
    filter: { top: 0, left: 0, bottom: rows.length, right: header.length - 1 },
    print: { orientation: 'landscape', fitToWidth: true, repeatRows: { top: 0, bottom: 0 } },
  };
}

function findingsSheet(findings: readonly Finding[]): OutputSheet {
  const rows = findings.map((f): Scalar[] => [f.file ?? null, f.unitCode ?? null, SEVERITY_VI[f.severity], f.code, f.sheet ?? null, f.cell ?? null, f.message_vi]);
  return listSheet(CONSOLIDATION_SHEETS.findings, FINDINGS_HEADER, rows, [{ width: 36 }, { width: 10 }, { width: 10 }, { width: 22 }, { width: 12 }, { width: 8 }, { width: 90 }]);
}

function sourcesSheet(c: Consolidation): OutputSheet {
  const rows = c.sources.map((s): Scalar[] => [s.file, s.unitCode ?? null, SOURCE_STATUS_VI[s.status], s.reportDate === undefined ? null : (isoDateToDate(s.reportDate) ?? s.reportDate), s.sha256, s.bytes]);
  return listSheet(CONSOLIDATION_SHEETS.sources, SOURCES_HEADER, rows, [{ width: 36 }, { width: 10 }, { width: 16 }, { width: 12, numFmt: 'dd/mm/yyyy' }, { width: 66 }, { width: 12, numFmt: '#,##0' }]);
}

function narrativeSheet(paragraphs: readonly string[]): OutputSheet {
  // One paragraph per cell, wrapped to a column that prints on a portrait A4 page.
  return { name: CONSOLIDATION_SHEETS.narrative, rows: paragraphs.map((p) => [p]), columns: [{ width: 75, wrap: true }], print: { orientation: 'portrait', fitToWidth: true } };
}
