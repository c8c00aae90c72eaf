import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../core/findings/finding';
import type { FormDef } from '../core/forms/form-schema';
import { MAX_FORM_BYTES, parseFormText } from '../core/forms/parse-form';
import type { CliIo } from './cli-io';
import type { Lang } from './command';
import { failure } from '../core/failures/failure-codes';
import { CliFailure } from './exit-codes';
import { cliWording } from './cli-wording';
import { countsText, formatFindings } from './format-findings';

/** True when a `--form` value names a file rather than a form PHU ships. */
export function isFormFile(value: string): boolean {
  return /\.json$/i.test(value.trim());
}

/**
 * A form file read and checked: the form, or its findings. A file too large
 * is refused before it is read whole.
 */
export async function readFormFile(file: string): Promise<{ form?: FormDef; findings: readonly Finding[] }> {
  const st = await fs.stat(file).catch(() => undefined);
  if (!st?.isFile()) throw new CliFailure(failure('form_file_missing', { file }));
  if (st.size > MAX_FORM_BYTES) return parseFormText('x'.repeat(MAX_FORM_BYTES + 1));
  return parseFormText(await fs.readFile(file, 'utf8'));
}

/**
 * The form of `--form <file.json>`: its findings printed on stderr and a
 * failure when it is not valid, so nothing is made from a broken form.
 */
export async function formFromFile(given: string, io: CliIo, lang: Lang): Promise<FormDef> {
  const file = path.resolve(io.cwd, given);
  const { form, findings } = await readFormFile(file);
  if (form) return form;
  io.stderr.write(`${cliWording(lang).formFileHeading({ name: path.basename(file) })} (${countsText(findings, lang)}):\n${formatFindings(findings, lang)}`);
  throw new CliFailure(failure('form_file_invalid', { file: given }));
}
