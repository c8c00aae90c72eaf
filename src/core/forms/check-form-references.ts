import { createFinding, type Finding } from '../findings/finding';
import { CALENDAR_ID_EXAMPLE, isCalendarId, isRealDate } from './form-periods';
import type { FormDef } from './form-schema';

/** Info rows PHU reads to know whose report a file is and for when. */
export const REQUIRED_INFO_KEYS = ['form', 'form_version', 'level', 'unit_code', 'unit_name', 'parent_code', 'period', 'report_date'] as const;

/**
 * What the schema alone cannot see in a form: names that must point at a
 * table or column of the form, names used twice, real dates in order, the
 * info rows PHU needs, and at least one period. Every problem is a finding
 * with its JSON path (`tables[0].columns[3].key`).
 *
 * @example checkFormReferences(form).length === 0 // a form PHU ships
 */
export function checkFormReferences(form: FormDef): Finding[] {
  const out: Finding[] = [];
  const unknown = (path: string, value: string, where: string): void => void out.push(createFinding('form_reference_unknown', { path, value, where }));
  const dup = (path: string, value: string): void => void out.push(createFinding('form_duplicate', { path, value }));
  const tables = new Map(form.tables.map((t) => [t.sheet, t]));
  const columnsOf = (sheet: string): Set<string> => {
    const t = tables.get(sheet);
    return new Set(t ? [...t.columns, ...t.computed].map((c) => c.key) : []);
  };
  const needColumn = (path: string, sheet: string, key: string): void => {
    if (tables.has(sheet) && !columnsOf(sheet).has(key)) unknown(path, key, `cột trong bảng ${sheet}`);
  };
  const needTable = (path: string, sheet: string): void => {
    if (!tables.has(sheet)) unknown(path, sheet, 'bảng (tables[].sheet)');
  };

  needTable('mainTable', form.mainTable);
  const sheets = new Set<string>([form.info.sheet.toLowerCase()]);
  form.tables.forEach((t, ti) => {
    if (sheets.has(t.sheet.toLowerCase())) dup(`tables[${ti}].sheet`, t.sheet);
    sheets.add(t.sheet.toLowerCase());
    const keys = new Set<string>();
    [...t.columns.map((c, ci) => [c.key, `tables[${ti}].columns[${ci}].key`] as const), ...t.computed.map((c, ci) => [c.key, `tables[${ti}].computed[${ci}].key`] as const)].forEach(([k, path]) => {
      if (keys.has(k)) dup(path, k);
      keys.add(k);
    });
    needColumn(`tables[${ti}].keyColumn`, t.sheet, t.keyColumn);
    needColumn(`tables[${ti}].nameColumn`, t.sheet, t.nameColumn);
    if (t.rows === 'items' && (t.items ?? []).length === 0) out.push(createFinding('form_field_missing', { path: `tables[${ti}].items` }));
    const codes = new Set<string>();
    (t.items ?? []).forEach((item, ii) => {
      if (codes.has(item.code)) dup(`tables[${ti}].items[${ii}].code`, item.code);
      codes.add(item.code);
      (item.only ?? []).forEach((k, oi) => needColumn(`tables[${ti}].items[${ii}].only[${oi}]`, t.sheet, k));
    });
  });

  const infoKeys = new Set(form.info.keys.map((k) => k.key));
  for (const key of REQUIRED_INFO_KEYS) if (!infoKeys.has(key)) out.push(createFinding('form_info_key_missing', { path: 'info.keys', key }));

  const indicatorKeys = new Set<string>();
  form.indicators.forEach((ind, ii) => {
    const at = `indicators[${ii}]`;
    if (indicatorKeys.has(ind.key)) dup(`${at}.key`, ind.key);
    indicatorKeys.add(ind.key);
    needTable(`${at}.table`, ind.table);
    needColumn(`${at}.done`, ind.table, ind.done);
    needColumn(`${at}.target`, ind.table, ind.target);
    ind.accountedBy.forEach((k, ki) => needColumn(`${at}.accountedBy[${ki}]`, ind.table, k));
    needColumn(`${at}.rateColumn`, ind.table, ind.rateColumn);
    if (ind.rankColumn) needColumn(`${at}.rankColumn`, ind.table, ind.rankColumn);
  });

  form.rules.forEach((r, ri) => {
    const at = `rules[${ri}]`;
    needTable(`${at}.table`, r.table);
    if (r.kind === 'lte') {
      needColumn(`${at}.left`, r.table, r.left);
      needColumn(`${at}.right`, r.table, r.right);
    } else if (r.kind === 'sumEquals') {
      r.parts.forEach((k, ki) => needColumn(`${at}.parts[${ki}]`, r.table, k));
      needColumn(`${at}.total`, r.table, r.total);
    } else {
      needColumn(`${at}.column`, r.table, r.column);
      needTable(`${at}.otherTable`, r.otherTable);
      needColumn(`${at}.otherColumn`, r.otherTable, r.otherColumn);
    }
  });

  out.push(...checkPeriods(form));
  return out;
}

/** Listed periods: unique ids, real dates, from <= to <= due; a calendar: ids of its kind. */
function checkPeriods(form: FormDef): Finding[] {
  const out: Finding[] = [];
  if (form.periods.length === 0 && !form.calendar) out.push(createFinding('form_no_periods', { path: 'periods' }));
  const ids = new Set<string>();
  form.periods.forEach((p, pi) => {
    const at = `periods[${pi}]`;
    if (ids.has(p.id.toUpperCase())) out.push(createFinding('form_duplicate', { path: `${at}.id`, value: p.id }));
    ids.add(p.id.toUpperCase());
    const bad = (['from', 'to', 'due'] as const).filter((k) => !isRealDate(p[k]));
    bad.forEach((k) => out.push(createFinding('form_date_invalid', { path: `${at}.${k}`, value: p[k] })));
    if (bad.length > 0) return;
    if (p.from > p.to) out.push(createFinding('form_dates_out_of_order', { path: `${at}.from`, first: p.from, second: p.to }));
    if (p.to > p.due) out.push(createFinding('form_dates_out_of_order', { path: `${at}.due`, first: p.to, second: p.due }));
  });
  const cal = form.calendar;
  if (cal) {
    const example = CALENDAR_ID_EXAMPLE[cal.repeat];
    const firstOk = isCalendarId(cal.repeat, cal.first);
    if (!firstOk) out.push(createFinding('form_period_id_invalid', { path: 'calendar.first', value: cal.first, example }));
    const lastOk = cal.last === undefined || isCalendarId(cal.repeat, cal.last);
    if (!lastOk) out.push(createFinding('form_period_id_invalid', { path: 'calendar.last', value: cal.last ?? '', example }));
    // Same-kind ids sort as text (2026-09 < 2026-10, 2026-Q3 < 2026-Q4).
    if (firstOk && lastOk && cal.last !== undefined && cal.last.toUpperCase() < cal.first.toUpperCase()) {
      out.push(createFinding('form_dates_out_of_order', { path: 'calendar.last', first: cal.first, second: cal.last }));
    }
    if (cal.countFrom !== undefined && !isRealDate(cal.countFrom)) out.push(createFinding('form_date_invalid', { path: 'calendar.countFrom', value: cal.countFrom }));
    const clash = form.periods.findIndex((p) => isCalendarId(cal.repeat, p.id));
    if (clash >= 0) out.push(createFinding('form_duplicate', { path: `periods[${clash}].id`, value: form.periods[clash]?.id ?? '' }));
  }
  return out;
}
