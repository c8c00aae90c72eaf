import { createFinding, type Finding } from '../findings/finding';
import type { OutputSheet } from '../grid/output-book';
import { findSheet, type WorkbookGrid } from '../grid/sheet-grid';
import { canonicalFormJson, formHash } from './canonical-form';
import type { FormDef } from './form-schema';
import { MAX_FORM_BYTES, parseFormText } from './parse-form';

/** The very hidden sheet a workbook carries its form in. */
export const FORM_SHEET = 'PHU_MauBieu';

/** The marker in A1 of the form sheet. */
const MARKER = 'phu_form_json';
/** Characters per cell: far below Excel's 32,767, so every reader keeps them whole. */
const CHUNK = 8000;

/**
 * The sheet that makes a workbook carry its form: A1 a marker, B1 the
 * form's id, C1 its hash; column A from row 2 the canonical JSON in pieces.
 * Very hidden, so nobody edits it from Excel's menus.
 *
 * @example formSheet(FORM_4PHU_2024).state === 'veryHidden'
 */
export function formSheet(form: FormDef): OutputSheet {
  const text = canonicalFormJson(form);
  const rows: string[][] = [[MARKER, form.id, formHash(form)]];
  for (let i = 0; i < text.length; i += CHUNK) rows.push([text.slice(i, i + CHUNK)]);
  return { name: FORM_SHEET, rows, state: 'veryHidden' };
}

/** The form a workbook carries, read as untrusted input. */
export interface CarriedForm {
  /** The form, when the sheet is there, whole and valid. */
  readonly form?: FormDef;
  /** Its hash as computed from the content read (equal to the recorded one when `form` is set). */
  readonly hash?: string;
  readonly findings: readonly Finding[];
}

/**
 * The form a workbook carries in its `PHU_MauBieu` sheet. No sheet: no
 * form and no finding (a file made before forms travelled, or by hand).
 * A sheet that is too large, whose text is not a valid form, or whose
 * recorded hash does not match its content gives findings and no form:
 * the content is checked by the same schema as a form file.
 *
 * `expected`, the form the caller checks the file as, spares parsing a
 * sheet that is exactly that form.
 *
 * @example readCarriedForm(grid).form?.id // '4PHU-2024'
 */
export function readCarriedForm(book: WorkbookGrid, limit: number = MAX_FORM_BYTES, expected?: FormDef): CarriedForm {
  const sheet = findSheet(book, FORM_SHEET);
  if (!sheet) return { findings: [] };
  const invalid = (extra: readonly Finding[] = []): CarriedForm => ({ findings: [createFinding('form_carried_invalid', { sheet: FORM_SHEET }, { sheet: FORM_SHEET }), ...extra] });
  const head = sheet.rows[0];
  const recorded = head?.[2];
  if (head?.[0] !== MARKER || typeof recorded !== 'string') return invalid();
  let text = '';
  for (let r = 1; r < sheet.rows.length; r++) {
    const piece = sheet.rows[r]?.[0];
    if (piece === null || piece === undefined) break;
    if (typeof piece !== 'string') return invalid();
    text += piece;
    if (text.length > limit) return invalid([createFinding('form_json_too_large', { bytes: text.length, limit }, { sheet: FORM_SHEET })]);
  }
  // The common case, a file carrying exactly the form it is checked as, needs no parsing.
  if (expected && recorded === formHash(expected) && text === canonicalFormJson(expected)) return { form: expected, hash: recorded, findings: [] };
  const parsed = parseFormText(text, limit);
  if (!parsed.form) return invalid(parsed.findings.map((f) => ({ ...f, sheet: FORM_SHEET })));
  const hash = formHash(parsed.form);
  if (hash !== recorded) return { hash, findings: [createFinding('form_carried_hash_mismatch', { sheet: FORM_SHEET }, { sheet: FORM_SHEET })] };
  return { form: parsed.form, hash, findings: [] };
}
