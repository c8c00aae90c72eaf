/**
 * Dates as PHU keeps them: `yyyy-mm-dd` strings, so they compare as text and
 * never shift with a time zone. Excel date cells cross adapters as JS Dates
 * at UTC midnight (ExcelJS reads and writes them so), Office.js hands serial
 * numbers: both are converted here and nowhere else.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Excel's day 0 is 1899-12-30 once its 1900 leap-year bug is accounted for. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** True when y-m-d is a real calendar day. */
export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/**
 * The Date (UTC midnight) of a `yyyy-mm-dd` string, or undefined when it is not one.
 *
 * @example isoDateToDate('2024-04-08')?.toISOString() === '2024-04-08T00:00:00.000Z'
 */
export function isoDateToDate(iso: string): Date | undefined {
  const m = ISO.exec(iso.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYmd(y, mo, d) ? new Date(Date.UTC(y, mo - 1, d)) : undefined;
}

/**
 * The `yyyy-mm-dd` of a Date cell. The UTC day is used because adapters put
 * date cells at UTC midnight; a time part (a date-time cell) is dropped.
 */
export function dateToIsoDate(d: Date): string | undefined {
  if (Number.isNaN(d.getTime())) return undefined;
  const y = d.getUTCFullYear();
  if (y < 1000 || y > 9999) return undefined;
  return `${String(y)}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/**
 * The `yyyy-mm-dd` of an Excel serial day number (Office.js `values` give
 * dates so), or undefined outside 1900..9999. A time fraction is dropped.
 *
 * @example excelSerialToIsoDate(45390) === '2024-04-08'
 */
export function excelSerialToIsoDate(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return undefined;
  return dateToIsoDate(new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS));
}

/**
 * The Excel serial number behind a Date cell (UTC, as adapters give them),
 * time as a fraction: what the cell holds when only its format made it a
 * date. Undefined for an invalid Date.
 *
 * @example dateToExcelSerial(new Date(Date.UTC(1969, 3, 17))) === 25310
 */
export function dateToExcelSerial(d: Date): number | undefined {
  const ms = d.getTime();
  return Number.isNaN(ms) ? undefined : (ms - EXCEL_EPOCH_MS) / DAY_MS;
}

/**
 * The `yyyy-mm-dd` of a date typed as Vietnamese text: `8/4/2024`,
 * `08/04/2024`, `08-04-2024`, `08.04.2024` (day first), or already ISO;
 * also as documents write it, `ngày 08 tháng 4 năm 2024` (with or without
 * diacritics) or `ngày 08/04/2024`, and with a time after it.
 *
 * @example parseDateTextVi('08/05/2024') === '2024-05-08'
 * @example parseDateTextVi('Ngày 04 tháng 07 năm 2024') === '2024-07-04'
 */
export function parseDateTextVi(text: string): string | undefined {
  const s = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '')
    .replace(/[\u00a0\u2007\u202f\s]+/g, '')
    .replace(/^(ngày|ngay),?/, '');
  const iso = isoDateToDate(s);
  if (iso) return dateToIsoDate(iso);
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s) ?? /^(\d{1,2})(?:tháng|thang)(\d{1,2})(?:năm|nam)(\d{4})$/.exec(s);
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYmd(y, mo, d) ? `${String(y)}-${pad2(mo)}-${pad2(d)}` : undefined;
}

/**
 * A `yyyy-mm-dd` date the Vietnamese way, `dd/mm/yyyy`; other text unchanged.
 *
 * @example formatDateVi('2024-05-10') === '10/05/2024'
 */
export function formatDateVi(iso: string): string {
  const m = ISO.exec(iso.trim());
  return m ? `${m[3] ?? ''}/${m[2] ?? ''}/${m[1] ?? ''}` : iso;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
