import type { z } from 'zod';
import { createFinding, type Finding } from '../findings/finding';
import { knowForms } from '../findings/indicator-name';
import { checkFormReferences } from './check-form-references';
import { formSchema, type FormDef, type FormInput } from './form-schema';

/** The largest form text PHU reads: a form is a few dozen kilobytes. */
export const MAX_FORM_BYTES = 1_000_000;

/** A form read from untrusted input: the form when valid, and every problem found. */
export interface ParsedForm {
  readonly form?: FormDef;
  readonly findings: readonly Finding[];
}

/**
 * A JSON path as people read it: `tables[0].columns[3].key`.
 *
 * @example jsonPath(['tables', 0, 'sheet']) === 'tables[0].sheet'
 */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out === '' ? '' : '.'}${String(part)}`;
  return out === '' ? '(gốc)' : out;
}

const typeOf = (v: unknown): string => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);

/** One zod issue as findings (an unknown-keys issue names each key). */
function issueFindings(issue: z.core.$ZodIssue): Finding[] {
  const path = jsonPath(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? [createFinding('form_field_missing', { path })] : [createFinding('form_field_type', { path, expected: issue.expected })];
    case 'unrecognized_keys':
      return issue.keys.map((name) => createFinding('form_field_unknown', { path, name }));
    case 'invalid_value':
      return [createFinding('form_field_value', { path, allowed: issue.values.map((v) => JSON.stringify(v)).join(', ') })];
    case 'invalid_format':
      return [createFinding('form_field_format', { path, example: issue.message })];
    case 'too_small':
      return [createFinding('form_field_too_small', { path, minimum: Number(issue.minimum) })];
    case 'invalid_union': {
      // A rule whose `kind` is none of the known ones.
      const options = 'options' in issue ? issue.options : undefined;
      return issue.discriminator && options
        ? [createFinding('form_field_value', { path: path, allowed: options.map((v) => JSON.stringify(v)).join(', ') })]
        : [createFinding('form_field_invalid', { path, detail: issue.message })];
    }
    default:
      return [createFinding('form_field_invalid', { path, detail: `${issue.message}; ${typeOf(issue.input)}` })];
  }
}

/**
 * Checks a form definition (a parsed JSON value) against the form schema
 * and the form's own cross-references. Never throws: a bad form gives
 * findings with JSON paths, in Vietnamese and English.
 *
 * @example parseForm(JSON.parse(text)).findings.length === 0
 */
export function parseForm(input: unknown): ParsedForm {
  const parsed = formSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { findings: parsed.error.issues.flatMap(issueFindings) };
  const findings = checkFormReferences(parsed.data);
  return findings.length > 0 ? { findings } : { form: parsed.data, findings };
}

/**
 * A form from the text of a `.json` file (a byte-order mark allowed), at
 * most `limit` UTF-16 units long.
 *
 * @example parseFormText('{"id": 1}').findings[0]?.code === 'form_field_type'
 */
export function parseFormText(text: string, limit: number = MAX_FORM_BYTES): ParsedForm {
  if (text.length > limit) return { findings: [createFinding('form_json_too_large', { bytes: text.length, limit })] };
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { findings: [createFinding('form_json_invalid', { detail: err instanceof Error ? err.message : String(err) })] };
  }
  return parseForm(value);
}

/**
 * A form PHU ships or a test builds: the same checks, thrown as one error
 * naming every problem, for definitions that are part of PHU itself.
 */
export function defineForm(input: FormInput | unknown): FormDef {
  const { form, findings } = parseForm(input);
  if (!form) throw new Error(`invalid form: ${findings.map((f) => f.message_en).join(' ')}`);
  knowForms([form]);
  return form;
}
