import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import type { FormDef } from './form-schema';

/** A JSON value with object keys in code-point order, so equal definitions give equal text. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([k, v]) => v !== undefined && k !== '$schema');
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
}

/**
 * The canonical text of a parsed form: compact JSON, keys sorted, defaults
 * filled in (it is the output of the schema), no `$schema`. Two files that
 * define the same form (indented or not, keys in any order, defaults
 * written or left out) have the same canonical text.
 *
 * @example canonicalFormJson(FORM_4PHU_2024).startsWith('{"calendar"') === false
 */
export function canonicalFormJson(form: FormDef): string {
  const known = texts.get(form);
  if (known !== undefined) return known;
  const text = JSON.stringify(sortKeys(form));
  texts.set(form, text);
  return text;
}

// Forms are never mutated once parsed: a consolidation checks thousands of files against one.
const texts = new WeakMap<FormDef, string>();

/**
 * The SHA-256 of the canonical text, in hex: what a workbook records next
 * to the form it carries, and what a consolidation compares.
 *
 * @example formHash(FORM_4PHU_2024).length === 64
 */
export function formHash(form: FormDef): string {
  const known = hashes.get(form);
  if (known !== undefined) return known;
  const hash = bytesToHex(sha256(new TextEncoder().encode(canonicalFormJson(form))));
  hashes.set(form, hash);
  return hash;
}

const hashes = new WeakMap<FormDef, string>();

/** The first 12 hex digits of a form hash, as messages show it. */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}
