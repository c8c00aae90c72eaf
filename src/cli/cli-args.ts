import { readBudgetFromEnv, type ReadBudget } from '../node/budget/read-budget';
import * as path from 'node:path';
import { findPeriod, periodsHint } from '../core/forms/form-periods';
import { parseDateTextVi } from '../core/format/iso-date';
import { findForm, FORMS } from '../core/forms/form-catalog';
import type { FormDef, PeriodDef } from '../core/forms/form-schema';
import { explainUnit } from '../core/units/explain-unit';
import { nationalRegistry } from '../core/units/national-registry';
import type { Unit } from '../core/units/unit';
import type { UnitRegistry } from '../core/units/unit-registry';
import { readLimitsFromEnv, type ReadLimits } from '../xlsx/read-limits';
import type { CliIo } from './cli-io';
import { optString, type Lang, type OptionValues } from './command';
import { cliWording } from './cli-wording';
import { formFromFile, isFormFile } from './form-file';
import { failure } from '../core/failures/failure-codes';
import { UsageError } from './exit-codes';

/** The form every command uses unless `--form` says otherwise. */
export const DEFAULT_FORM_ID = '4PHU-2024';

/** The periods of every form, for the help: `D1, D2, TK (4PHU-2024); ...`. */
export const PERIODS_HELP: string = FORMS.map((f) => `${periodsHint(f)} (${f.id})`).join('; ');

/** The same, for the English help. */
export const PERIODS_HELP_EN: string = FORMS.map((f) => `${periodsHint(f, 'en')} (${f.id})`).join('; ');

/**
 * The form named by `--form`: a form PHU ships by its id, or a form file
 * (`.json`, checked, its findings printed); `fallback` (else 4PHU-2024)
 * without the option.
 */
export async function formOption(values: OptionValues, io: CliIo, lang: Lang = 'vi', fallback?: FormDef): Promise<FormDef> {
  const given = optString(values, 'form');
  if (given !== undefined && isFormFile(given)) return formFromFile(given, io, lang);
  if (given === undefined && fallback) return fallback;
  const id = given ?? DEFAULT_FORM_ID;
  const form = findForm(id);
  if (!form) throw new UsageError(failure('form_unknown', { form: id, forms: FORMS.map((f) => f.id).join(', ') }));
  return form;
}

/** The period `--period` names in the form; required unless `optional`. */
export function periodOption(form: FormDef, values: OptionValues): PeriodDef;
export function periodOption(form: FormDef, values: OptionValues, optional: true): PeriodDef | undefined;
export function periodOption(form: FormDef, values: OptionValues, optional = false): PeriodDef | undefined {
  const id = optString(values, 'period');
  const allowed = form.periods.length > 0 ? form.periods.map((p) => `${p.id} (${p.label})`).join(', ') : periodsHint(form);
  if (id === undefined) {
    if (optional) return undefined;
    throw new UsageError(failure('period_missing', { form: form.id, periods: allowed }));
  }
  const period = findPeriod(form, id);
  if (!period) throw new UsageError(failure('period_unknown', { period: id, form: form.id, periods: allowed }));
  return period;
}

/** The unit `--unit` names in the national catalogue. */
export function unitOption(values: OptionValues, registry: UnitRegistry = nationalRegistry()): Unit {
  const code = requiredString(values, 'unit');
  const unit = registry.get(code);
  if (!unit) {
    const why = explainUnit(registry, code);
    if (why) throw new UsageError(why.code === 'unit_not_yet' ? failure('unit_not_yet_here', why.params) : why.code === 'unit_abolished' ? failure('unit_abolished_here', why.params) : why.message_vi);
    throw new UsageError(failure('unit_unknown', { unit: code, map: registry.map ?? '' }));
  }
  return unit;
}

/** A string option that must be given. */
export function requiredString(values: OptionValues, key: string): string {
  const v = optString(values, key);
  if (v === undefined || v.trim() === '') throw new UsageError(failure('option_missing', { option: key }));
  return v;
}

/** A path option made absolute against the current folder. */
export function outputPath(values: OptionValues, key: string, io: CliIo): string {
  return path.resolve(io.cwd, requiredString(values, key));
}

/** A date option typed `dd/mm/yyyy` (or `yyyy-mm-dd`), as `yyyy-mm-dd`; undefined when not given. */
export function dateOption(values: OptionValues, key: string): string | undefined {
  const text = optString(values, key);
  if (text === undefined) return undefined;
  const iso = parseDateTextVi(text);
  if (iso === undefined) throw new UsageError(failure('date_invalid', { option: key, text }));
  return iso;
}

/** The reader's limits set in the environment (PHU_MAX_FILE_MB...); a bad value is named on stderr and the default kept. */
export function readLimitsOption(io: CliIo, lang: Lang): Partial<ReadLimits> {
  const { limits, invalid } = readLimitsFromEnv(io.env);
  for (const name of invalid) io.stderr.write(`${cliWording(lang).envInvalid({ name, value: io.env[name] ?? '' })}\n`);
  return limits;
}

/** The per-file read budget (PHU_MAX_READ_SECONDS, PHU_MAX_READ_HEAP_MB), warning about values that are not positive numbers. */
export function readBudgetOption(io: CliIo, lang: Lang): ReadBudget {
  const { budget, invalid } = readBudgetFromEnv(io.env);
  for (const name of invalid) io.stderr.write(`${cliWording(lang).envInvalid({ name, value: io.env[name] ?? '' })}\n`);
  return budget;
}
