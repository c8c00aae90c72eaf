import fc from 'fast-check';
import definition from '../../src/core/forms/4phu-2024.form.json';
import { listPeriods } from '../../src/core/forms/form-periods';
import { parseForm } from '../../src/core/forms/parse-form';
import type { WorkbookGrid } from '../../src/core/grid/sheet-grid';
import type { OutputBook } from '../../src/core/grid/output-book';
import { renderSubmission } from '../../src/core/render/render-submission';
import { nationalRegistry } from '../../src/core/units/national-registry';
import { unitsData } from '../support/submission-fixtures';
import { validateSubmission } from '../../src/core/validate/validate-submission';

const asGrid = (b: OutputBook): WorkbookGrid => ({ sheets: b.sheets.map((s) => ({ name: s.name, rows: s.rows })) });
const registry = nationalRegistry();

type Json = Record<string, unknown>;
const isoOf = (day: number): string => new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);

/** Explicit periods: consecutive, each `from <= to <= due`. */
const listedPeriods = fc.array(fc.record({ id: fc.stringMatching(/^[A-Z][A-Z0-9]{0,5}$/), label: fc.string({ minLength: 1, maxLength: 30 }), length: fc.integer({ min: 0, max: 120 }), grace: fc.integer({ min: 0, max: 20 }) }), { minLength: 1, maxLength: 4 })
  .filter((ps) => new Set(ps.map((p) => p.id)).size === ps.length && ps.every((p) => !/^\d{4}$/.test(p.id)))
  .chain((ps) =>
    fc.integer({ min: 0, max: 2000 }).map((start) => {
      let day = start;
      return ps.map((p) => {
        const from = isoOf(day);
        const to = isoOf(day + p.length);
        day += p.length + 1;
        return { id: p.id, label: p.label, from, to, due: isoOf(day - 1 + p.grace) };
      });
    }),
  );

/** A repeating calendar of any kind, from a year between 2024 and 2035. */
const calendar = fc.record({ repeat: fc.constantFrom('monthly', 'quarterly', 'yearly'), year: fc.integer({ min: 2024, max: 2035 }), dueDays: fc.integer({ min: 0, max: 60 }), cumulative: fc.boolean() }).map(({ repeat, year, dueDays, cumulative }) => ({
  repeat,
  first: repeat === 'monthly' ? `${year}-01` : repeat === 'quarterly' ? `${year}-Q1` : `${year}`,
  dueDays,
  ...(cumulative ? { countFrom: `${year}-01-01` } : {}),
}));

/**
 * Forms an official could make from 4PHU-2024 within the schema: another
 * id, version and title, relabelled columns, extra count columns on the
 * main table, and explicit periods or a calendar.
 */
const mutatedForm = fc
  .record({
    id: fc.stringMatching(/^[A-Z][A-Z0-9-]{1,12}$/),
    version: fc.stringMatching(/^[0-9]{1,3}$/),
    title: fc.string({ minLength: 1, maxLength: 60 }),
    labels: fc.array(fc.string({ maxLength: 20 }), { minLength: 12, maxLength: 12 }),
    extra: fc.array(fc.record({ label: fc.string({ minLength: 1, maxLength: 20 }), group: fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: undefined }) }), { maxLength: 3 }),
    periods: fc.oneof(listedPeriods.map((periods) => ({ periods })), calendar.map((c) => ({ periods: [], calendar: c }))),
    pick: fc.nat(),
  })
  .map((m) => {
    const form = structuredClone(definition) as unknown as Json & { tables: Array<{ columns: Json[] }> };
    const main = form.tables[0];
    if (!main) throw new Error('no main table');
    main.columns.slice(3).forEach((c, i) => (c['label'] = m.labels[i] ?? c['label']));
    m.extra.forEach((x, i) => main.columns.push({ key: `extra_${i + 1}`, label: x.label, kind: 'count', ...(x.group !== undefined ? { group: x.group } : {}) }));
    return { input: { ...form, id: m.id, version: m.version, title: m.title, ...m.periods } as Json, extra: m.extra.length, pick: m.pick };
  });

describe('any form that passes form check', () => {
  it('renders a submission that validates with no findings once filled with consistent figures', () => {
    fc.assert(
      fc.property(mutatedForm, ({ input, extra, pick }) => {
        const { form, findings } = parseForm(input);
        expect(findings).toEqual([]);
        if (!form) return;
        const periods = listPeriods(form, 12);
        const period = periods[pick % periods.length];
        if (!period) throw new Error('no period');
        const data = unitsData(registry, '688');
        const rows = (data.tables['SoLieu'] ?? []).map((r, i) => ({ ...r, values: { ...r.values, ...Object.fromEntries(Array.from({ length: extra }, (_, k) => [`extra_${k + 1}`, (i + 1) * (k + 2)])) } }));
        const info = { ...data.info, form: form.id, form_version: form.version, period: period.id, period_from: period.from, period_to: period.to, report_date: period.to };
        const book = renderSubmission(form, { info, tables: { ...data.tables, SoLieu: rows } });
        const result = validateSubmission(asGrid(book), { form, registry, file: 'x.xlsx', expect: { period: period.id, level: 'huyen' } });
        expect(result.findings.map((f) => `${f.code} ${f.sheet ?? ''}!${f.cell ?? ''} ${f.message_en}`)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
