import type { CalendarDef, FormDef, PeriodDef } from './form-schema';

type Repeat = CalendarDef['repeat'];

/** A calendar period as numbers: a year and its month (1-12), quarter (1-4) or 1 for a year. */
interface Slot {
  readonly year: number;
  readonly index: number;
}

const ROMAN = ['I', 'II', 'III', 'IV'] as const;
const PER_YEAR: Readonly<Record<Repeat, number>> = { monthly: 12, quarterly: 4, yearly: 1 };

/** An id of each kind, for messages. */
export const CALENDAR_ID_EXAMPLE: Readonly<Record<Repeat, string>> = { monthly: '2026-11', quarterly: '2026-Q4', yearly: '2026' };

/** A real calendar date `yyyy-mm-dd` (not 2026-02-30). */
export function isRealDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === iso;
}

/**
 * The date `days` days after an ISO date.
 *
 * @example addDays('2026-11-30', 5) === '2026-12-05'
 */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/**
 * Reads a calendar period id of this kind; undefined when it is not one.
 *
 * @example parseSlot('quarterly', '2026-q4') // { year: 2026, index: 4 }
 */
function parseSlot(repeat: Repeat, id: string): Slot | undefined {
  const text = id.trim().toUpperCase();
  const m = repeat === 'monthly' ? /^(\d{4})-(\d{2})$/.exec(text) : repeat === 'quarterly' ? /^(\d{4})-Q([1-4])$/.exec(text) : /^(\d{4})$/.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const index = repeat === 'yearly' ? 1 : Number(m[2]);
  if (year < 1900 || year > 9999 || index < 1 || index > PER_YEAR[repeat]) return undefined;
  return { year, index };
}

const ordinal = (repeat: Repeat, s: Slot): number => s.year * PER_YEAR[repeat] + (s.index - 1);
const fromOrdinal = (repeat: Repeat, n: number): Slot => ({ year: Math.floor(n / PER_YEAR[repeat]), index: (n % PER_YEAR[repeat]) + 1 });
const pad = (n: number): string => String(n).padStart(2, '0');

/** The period a calendar slot stands for, its dates, label and due date. */
function slotPeriod(cal: CalendarDef, s: Slot): PeriodDef {
  const months = 12 / PER_YEAR[cal.repeat];
  const firstMonth = (s.index - 1) * months + 1;
  const start = `${s.year}-${pad(firstMonth)}-01`;
  const nextStart = firstMonth + months > 12 ? `${s.year + 1}-01-01` : `${s.year}-${pad(firstMonth + months)}-01`;
  const to = addDays(nextStart, -1);
  const id = cal.repeat === 'monthly' ? `${s.year}-${pad(s.index)}` : cal.repeat === 'quarterly' ? `${s.year}-Q${s.index}` : `${s.year}`;
  const label = cal.repeat === 'monthly' ? `Tháng ${s.index}/${s.year}` : cal.repeat === 'quarterly' ? `Quý ${ROMAN[s.index - 1] ?? s.index}/${s.year}` : `Năm ${s.year}`;
  return { id, label, from: cal.countFrom ?? start, to, due: addDays(to, cal.dueDays) };
}

/** The calendar's bounds as ordinals; undefined when `first` (or `last`) is not an id of its kind. */
function bounds(cal: CalendarDef): { first: number; last: number | undefined } | undefined {
  const first = parseSlot(cal.repeat, cal.first);
  const last = cal.last === undefined ? undefined : parseSlot(cal.repeat, cal.last);
  if (!first || (cal.last !== undefined && !last)) return undefined;
  return { first: ordinal(cal.repeat, first), last: last ? ordinal(cal.repeat, last) : undefined };
}

/**
 * True when `id` is an id of the calendar's kind (`2026-11`, `2026-Q4`,
 * `2026`), whether or not it falls between `first` and `last`.
 */
export function isCalendarId(repeat: Repeat, id: string): boolean {
  return parseSlot(repeat, id) !== undefined;
}

/**
 * A period of the form by its id: one of the listed periods, or one of its
 * calendar (`2026-11` of a monthly calendar is November 2026, from the
 * calendar's `countFrom` or the 1st, due `dueDays` after the 30th). Its `to`
 * is the date that chooses the administrative map in force.
 *
 * @example findPeriod(form, '2026-11') // { id: '2026-11', label: 'Tháng 11/2026', from: '2026-11-01', to: '2026-11-30', due: '2026-12-05' }
 */
export function findPeriod(form: Pick<FormDef, 'periods' | 'calendar'>, id: string): PeriodDef | undefined {
  const want = id.trim().toUpperCase();
  const listed = form.periods.find((p) => p.id.toUpperCase() === want);
  if (listed) return listed;
  const cal = form.calendar;
  if (!cal) return undefined;
  const slot = parseSlot(cal.repeat, want);
  const range = bounds(cal);
  if (!slot || !range) return undefined;
  const n = ordinal(cal.repeat, slot);
  if (n < range.first || (range.last !== undefined && n > range.last)) return undefined;
  return slotPeriod(cal, slot);
}

/**
 * The period before this one: the previous listed period, or the previous
 * calendar period (none before the calendar's first). What `--previous auto`
 * compares with.
 *
 * @example previousPeriod(form, '2026-01')?.id // '2025-12' when the calendar starts earlier
 */
export function previousPeriod(form: Pick<FormDef, 'periods' | 'calendar'>, id: string): PeriodDef | undefined {
  const want = id.trim().toUpperCase();
  const i = form.periods.findIndex((p) => p.id.toUpperCase() === want);
  if (i >= 0) return i > 0 ? form.periods[i - 1] : undefined;
  const cal = form.calendar;
  const slot = cal ? parseSlot(cal.repeat, want) : undefined;
  if (!cal || !slot || !findPeriod(form, want)) return undefined;
  return findPeriod(form, slotPeriod(cal, fromOrdinal(cal.repeat, ordinal(cal.repeat, slot) - 1)).id);
}

/**
 * The form's periods in order: the listed ones, then the calendar's from
 * its first, at most `max` of those (an open calendar never ends).
 */
export function listPeriods(form: Pick<FormDef, 'periods' | 'calendar'>, max = 36): PeriodDef[] {
  const out = [...form.periods];
  const cal = form.calendar;
  const range = cal ? bounds(cal) : undefined;
  if (!cal || !range) return out;
  const end = range.last === undefined ? range.first + max - 1 : Math.min(range.last, range.first + max - 1);
  for (let n = range.first; n <= end; n++) out.push(slotPeriod(cal, fromOrdinal(cal.repeat, n)));
  return out;
}

/**
 * The periods a form accepts, in words for a message: `D1, D2, TK`, or
 * `2026-01 đến 2026-12 (hằng tháng)` (`2026-01 to 2026-12 (monthly)` in English).
 *
 * @example periodsHint({ periods: [], calendar: { repeat: 'monthly', first: '2026-01', last: '2026-12' } }, 'en')
 */
export function periodsHint(form: Pick<FormDef, 'periods' | 'calendar'>, lang: 'vi' | 'en' = 'vi'): string {
  const parts = form.periods.length > 0 ? [form.periods.map((p) => p.id).join(', ')] : [];
  const cal = form.calendar;
  if (cal) {
    const en = lang === 'en';
    const every = cal.repeat === 'monthly' ? (en ? 'monthly' : 'hằng tháng') : cal.repeat === 'quarterly' ? (en ? 'quarterly' : 'hằng quý') : en ? 'yearly' : 'hằng năm';
    const until = cal.last ? `${en ? 'to' : 'đến'} ${cal.last}` : en ? 'onwards' : 'trở đi';
    parts.push(`${cal.first} ${until} (${every}, ${en ? 'for example' : 'ví dụ'} ${CALENDAR_ID_EXAMPLE[cal.repeat]})`);
  }
  return parts.join('; ');
}
