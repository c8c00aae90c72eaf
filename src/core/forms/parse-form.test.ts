import definition from './4phu-2024.form.json';
import { FORMS } from './form-catalog';
import { jsonPath, parseForm, parseFormText } from './parse-form';

/** A deep copy of the shipped 4PHU-2024 definition to break. */
const copy = (): Record<string, unknown> & typeof definition => structuredClone(definition);

const codesAndPaths = (input: unknown): Array<[string, unknown]> => parseForm(input).findings.map((f) => [f.code, 'path' in f.params ? f.params.path : undefined]);

describe('parseForm', () => {
  it('accepts every shipped form with no findings', () => {
    for (const form of FORMS) expect(parseForm(JSON.parse(JSON.stringify(form))).findings).toEqual([]);
  });

  it('names a missing field, a wrong type and an unknown (misspelt) field by their JSON path', () => {
    const f = copy();
    delete (f as Partial<typeof f>).title;
    (f.tables[0]!.columns[3] as Record<string, unknown>)['width'] = 'wide';
    (f.tables[0]!.columns[4] as Record<string, unknown>)['lable'] = 'Đã thu nhận';
    expect(codesAndPaths(f)).toEqual(
      expect.arrayContaining([
        ['form_field_missing', 'title'],
        ['form_field_type', 'tables[0].columns[3].width'],
        ['form_field_unknown', 'tables[0].columns[4]'],
      ]),
    );
    const unknown = parseForm(f).findings.find((x) => x.code === 'form_field_unknown');
    expect(unknown?.message_vi).toContain('"lable"');
  });

  it('names a wrong enum value, a bad key, a bad date and an unknown rule kind', () => {
    const f = copy();
    f.tables[0]!.columns[3]!.kind = 'so';
    f.tables[0]!.columns[4]!.key = 'Đã thu';
    f.periods[0]!.due = '10/05/2024';
    (f.rules[0] as Record<string, unknown>)['kind'] = 'equals';
    const found = parseForm(f).findings;
    expect(found.map((x) => x.code)).toEqual(expect.arrayContaining(['form_field_value', 'form_field_format']));
    expect(found.find((x) => x.code === 'form_field_format' && x.params.path === 'periods[0].due')?.message_vi).toContain('2026-11-30');
    expect(found.find((x) => x.code === 'form_field_value' && x.params.path === 'rules[0].kind')?.params).toMatchObject({ allowed: '"lte", "sumEquals", "crossTotal"' });
    expect(found.every((x) => x.message_vi.length > 0 && !x.message_vi.includes('at Object'))).toBe(true);
  });

  it('checks references, duplicates, required info rows, dates and periods', () => {
    const f = copy();
    f.mainTable = 'BangChinh';
    f.indicators[0]!.done = 'cccd_xong';
    f.tables[0]!.columns[4]!.key = 'cccd_target';
    f.info.keys = f.info.keys.filter((k) => k.key !== 'period');
    f.periods[1]!.from = '2024-02-30';
    f.periods[2]!.due = '2024-07-01';
    expect(codesAndPaths(f)).toEqual(
      expect.arrayContaining([
        ['form_reference_unknown', 'mainTable'],
        ['form_reference_unknown', 'indicators[0].done'],
        ['form_duplicate', 'tables[0].columns[4].key'],
        ['form_info_key_missing', 'info.keys'],
        ['form_date_invalid', 'periods[1].from'],
        ['form_dates_out_of_order', 'periods[2].due'],
      ]),
    );
  });

  it('wants periods or a calendar, and calendar ids of its kind', () => {
    expect(codesAndPaths({ ...copy(), periods: [] })).toEqual([['form_no_periods', 'periods']]);
    const monthly = { ...copy(), periods: [], calendar: { repeat: 'monthly', first: '2026-01', last: '2026-12', dueDays: 5 } };
    expect(parseForm(monthly).form?.calendar?.repeat).toBe('monthly');
    expect(codesAndPaths({ ...monthly, calendar: { repeat: 'monthly', first: '2026-Q1', last: '2025-12', dueDays: 5 } })).toEqual([['form_period_id_invalid', 'calendar.first']]);
    expect(codesAndPaths({ ...monthly, calendar: { repeat: 'weekly', first: '2026-01', dueDays: 5 } })).toEqual([['form_field_value', 'calendar.repeat']]);
    expect(codesAndPaths({ ...monthly, calendar: { repeat: 'monthly', first: '2026-05', last: '2026-01', dueDays: 5 } })).toEqual([['form_dates_out_of_order', 'calendar.last']]);
  });
});

describe('parseFormText', () => {
  it('reports text that is not JSON, or too long, as one finding', () => {
    expect(parseFormText('{"id": "X",,}').findings.map((f) => f.code)).toEqual(['form_json_invalid']);
    expect(parseFormText('[]').findings.map((f) => f.code)).toEqual(['form_field_type']);
    expect(parseFormText(`"${'x'.repeat(50)}"`, 20).findings.map((f) => f.code)).toEqual(['form_json_too_large']);
  });

  it('reads a file with a byte-order mark', () => {
    expect(parseFormText(`\uFEFF${JSON.stringify(definition)}`).form?.id).toBe('4PHU-2024');
  });
});

describe('jsonPath', () => {
  it('writes indexes in brackets', () => {
    expect(jsonPath(['tables', 0, 'columns', 12, 'key'])).toBe('tables[0].columns[12].key');
    expect(jsonPath([])).toBe('(gốc)');
  });
});
