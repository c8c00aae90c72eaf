import type { Severity } from '../findings/finding-codes';
import type { ChildStatus, SourceStatus } from '../consolidate/consolidation';

/** A child's standing as the consolidated `SoLieu` writes it in `status` (the spec's four words). */
export const CHILD_STATUS_VI: Readonly<Record<ChildStatus, string>> = {
  on_time: 'Đúng hạn',
  late: 'Trễ hạn',
  missing: 'Chưa nộp',
  invalid: 'Không hợp lệ',
};

/** What became of an input file, as `NguonDuLieu` writes it. */
export const SOURCE_STATUS_VI: Readonly<Record<SourceStatus, string>> = {
  used: 'Đúng hạn',
  late: 'Trễ hạn',
  superseded: 'Bị thay thế',
  invalid: 'Không hợp lệ',
  unexpected: 'Không trực thuộc',
  ignored: 'Bỏ qua',
};

/** A finding's severity as `KiemTra` writes it. */
export const SEVERITY_VI: Readonly<Record<Severity, string>> = {
  error: 'Lỗi',
  warning: 'Cảnh báo',
};
