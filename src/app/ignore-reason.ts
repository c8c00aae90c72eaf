import type { IgnoreReason } from '../core/findings/ignore-reasons';
import type { InputFile } from './input-file';

/**
 * Extensions read as workbooks: .xls and .ods are read like .xlsx, and so
 * are templates (.xltx, .xlt, .ots) and WPS's .et, by what their bytes are;
 * an .xlsb, .csv, flat .fods or Excel 2003 XML (.xml) is read so that its
 * sender is told what to do, rather than the commune shown as not having
 * sent anything.
 */
export const WORKBOOK_EXTENSIONS: readonly string[] = ['.xlsx', '.xlsm', '.xls', '.ods', '.xlsb', '.csv', '.xltx', '.xltm', '.xlt', '.ots', '.et', '.ett', '.fods', '.xml'];

/**
 * Why an entry is not a submission (a code of IGNORE_REASONS), or undefined
 * when it should be read as one. The same rules for every face.
 *
 * @example ignoreReason({ name: '~$688.xlsx', size: 165, read }) // 'lock_file'
 */
export function ignoreReason(file: Pick<InputFile, 'name' | 'isFolder' | 'ignored'>): IgnoreReason | undefined {
  if (file.isFolder) return 'folder';
  if (file.ignored) return file.ignored;
  if (file.name.startsWith('~$')) return 'lock_file';
  if (file.name.startsWith('._')) return 'mac_resource';
  const dot = file.name.lastIndexOf('.');
  const ext = dot < 0 ? '' : file.name.slice(dot).toLowerCase();
  if (!WORKBOOK_EXTENSIONS.includes(ext)) return 'not_workbook';
  return undefined;
}
