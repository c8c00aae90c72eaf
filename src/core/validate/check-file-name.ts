import { createFinding, type Finding } from '../findings/finding';
import type { SubmissionInfo } from '../submission/submission';
import { normalizeCode } from '../text/normalize-text';

/**
 * Files are named `<unit code> <unit name>.xlsx` by convention, but the unit
 * is always taken from ThongTin: a file name whose leading code names
 * another unit (a copy saved under a neighbour's name) is only a warning.
 * Names without a leading code say nothing about the unit and pass.
 *
 * @example checkFileName('25216 Phường Thác Mơ.xlsx', { unit_code: '25219', unit_name: 'Phường Phước Bình' }) // one file_name_mismatch
 */
export function checkFileName(file: string, info: SubmissionInfo): Finding[] {
  const base = file.split(/[\\/]/).pop() ?? file;
  const code = /^\s*(\d+)(?=[\s._-]|$)/.exec(base.normalize('NFC'))?.[1];
  const unit = info.unit_code;
  if (code === undefined || unit === undefined || unit === '') return [];
  if (normalizeCode(code) === normalizeCode(unit)) return [];
  return [createFinding('file_name_mismatch', { expected: `${unit} ${info.unit_name ?? ''}`.trim(), actual: base }, { file, sheet: 'ThongTin' })];
}
