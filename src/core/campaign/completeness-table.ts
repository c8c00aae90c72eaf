import type { Finding } from '../findings/finding';
import type { ChildStatus, Consolidation } from '../consolidate/consolidation';
import { isoDateToDate } from '../format/iso-date';
import type { OutputSheet } from '../grid/output-book';
import type { Scalar } from '../grid/scalar';
import { rate } from '../indicators/rate';
import { CHILD_STATUS_VI } from '../render/status-labels';

/** The sheet a consolidated workbook shows completeness and timeliness in. */
export const COMPLETENESS_SHEET = 'TinhHinhNop';

/** Column keys of `TinhHinhNop` (row 2), in order. */
export const COMPLETENESS_KEYS = ['unit_code', 'unit_name', 'status', 'report_date', 'file', 'expected', 'submitted', 'on_time', 'late', 'missing', 'invalid', 'submitted_rate', 'on_time_rate', 'first_error'] as const;

const LABELS = ['Mã đơn vị', 'Đơn vị', 'Tình trạng', 'Ngày báo cáo', 'Tệp', 'Phải nộp', 'Đã nộp', 'Đúng hạn', 'Trễ hạn', 'Chưa nộp', 'Không hợp lệ', 'Tỷ lệ đã nộp', 'Tỷ lệ đúng hạn', 'Lỗi của tệp'];

/**
 * Reports expected, sent, on time, late, missing and invalid (as DHIS2
 * counts expected / actual / on-time reports): "sent" counts every report
 * that arrived, invalid ones included; rates are over the expected reports,
 * none when nothing was expected.
 */
export interface CompletenessRow {
  readonly code: string;
  readonly name: string;
  /** The child's standing; absent on the total row. */
  readonly status?: ChildStatus;
  readonly reportDate?: string;
  readonly file?: string;
  /** Why an invalid unit's file was refused: its first error. */
  readonly firstError?: Finding;
  readonly expected: number;
  readonly submitted: number;
  readonly onTime: number;
  readonly late: number;
  readonly missing: number;
  readonly invalid: number;
  readonly submittedRate: number | null;
  readonly onTimeRate: number | null;
}

/**
 * Completeness and timeliness at a glance, per child unit (each expected
 * to send one report) and in total: what the consolidated workbook's
 * `TinhHinhNop` sheet and the task pane show.
 *
 * @example completenessRows(c).total // { expected: 11, submitted: 10, onTime: 8, late: 1, missing: 1, invalid: 1, submittedRate: 0.909, ... }
 */
export function completenessRows(c: Consolidation): { rows: CompletenessRow[]; total: CompletenessRow } {
  const dateOf = new Map(c.sources.map((s) => [s.file, s.reportDate] as const));
  const rows = c.children.map((child): CompletenessRow => {
    const counts = countsOf([child.status]);
    const reportDate = child.file !== undefined ? dateOf.get(child.file) : undefined;
    return {
      code: child.unit.code,
      name: child.unit.name,
      status: child.status,
      ...(reportDate !== undefined ? { reportDate } : {}),
      ...(child.file !== undefined ? { file: child.file } : {}),
      ...(child.status === 'invalid' && child.firstError ? { firstError: child.firstError } : {}),
      ...counts,
    };
  });
  return { rows, total: { code: 'TONG', name: 'Tổng cộng', ...countsOf(c.children.map((x) => x.status)) } };
}

function countsOf(statuses: readonly ChildStatus[]): Omit<CompletenessRow, 'code' | 'name' | 'status' | 'reportDate' | 'file' | 'firstError'> {
  const n = (s: ChildStatus): number => statuses.filter((x) => x === s).length;
  const expected = statuses.length;
  const onTime = n('on_time');
  const late = n('late');
  const invalid = n('invalid');
  const submitted = onTime + late + invalid;
  return { expected, submitted, onTime, late, missing: n('missing'), invalid, submittedRate: rate(submitted, expected), onTimeRate: rate(onTime, expected) };
}

/**
 * The `TinhHinhNop` sheet: row 1 labels, row 2 keys (hidden), one row per
 * child unit, the total row (`TONG`). Its two rate columns carry data bars
 * in files (the file writer draws no charts).
 */
export function renderCompleteness(c: Consolidation): OutputSheet {
  const { rows, total } = completenessRows(c);
  const line = (r: CompletenessRow): Scalar[] => [
    r.code,
    r.name,
    r.status !== undefined ? CHILD_STATUS_VI[r.status] : null,
    r.reportDate !== undefined ? (isoDateToDate(r.reportDate) ?? r.reportDate) : null,
    r.file ?? null,
    r.expected,
    r.submitted,
    r.onTime,
    r.late,
    r.missing,
    r.invalid,
    r.submittedRate,
    r.onTimeRate,
    r.firstError?.message_vi ?? null,
  ];
  const body = [LABELS, [...COMPLETENESS_KEYS], ...rows.map(line), line(total)];
  const last = body.length - 1;
  return {
    name: COMPLETENESS_SHEET,
    rows: body,
    columns: [
      { width: 10 },
      { width: 28 },
      { width: 14 },
      { width: 12, numFmt: 'dd/mm/yyyy' },
      { width: 30 },
      ...Array.from({ length: 6 }, () => ({ width: 10, numFmt: '0' })),
      { width: 12, numFmt: '0.00%' },
      { width: 12, numFmt: '0.00%' },
      { width: 60 },
    ],
    hiddenRows: [1],
    // The hidden key row counts as a header: data bars start below it.
    headerRows: [0, 1],
    totalRow: last,
    frozen: { rows: 2, columns: 2 },
    filter: { top: 1, left: 0, bottom: Math.max(1, last - 1), right: COMPLETENESS_KEYS.length - 1 },
    rateColumns: [11, 12],
    print: { orientation: 'landscape', fitToWidth: true, repeatRows: { top: 0, bottom: 1 } },
  };
}
