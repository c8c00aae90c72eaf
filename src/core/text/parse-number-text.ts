import { normalizeText } from './normalize-text';

/** What a text that looks like a number means. */
export type NumberText = { readonly kind: 'integer'; readonly value: number } | { readonly kind: 'decimal'; readonly value: number };

/**
 * The number a person meant by typing it as text, read the Vietnamese way
 * first: `.` (or a space) groups thousands and `,` marks decimals, so
 * `"1.234"` is 1234 and `"1,5"` is 1.5. A lone separator followed by exactly
 * three digits is a thousands group either way (`"1,234"` is 1234: nobody
 * counts 1.234 people). Undefined when the text is not a number at all.
 *
 * @example parseNumberText('1.234') // { kind: 'integer', value: 1234 }
 * @example parseNumberText(' 12\u00a0') // { kind: 'integer', value: 12 }
 * @example parseNumberText('1.5') // { kind: 'decimal', value: 1.5 }
 */
export function parseNumberText(text: string): NumberText | undefined {
  const s = normalizeText(text);
  const m = /^([+-]?)(.+)$/.exec(s);
  if (!m || !m[2]) return undefined;
  const sign = m[1] === '-' ? -1 : 1;
  const body = m[2];
  if (/^\d+$/.test(body)) return integer(sign * Number(body));
  for (const group of ['.', ',', ' ']) {
    const g = group === '.' ? '\\.' : group;
    if (new RegExp(`^\\d{1,3}(${g}\\d{3})+$`).test(body)) return integer(sign * Number(body.split(group).join('')));
  }
  // Thousands and decimals both present: the last separator marks decimals.
  const vi = /^\d{1,3}(?:[. ]\d{3})*,(\d+)$/.exec(body);
  if (vi) return decimal(sign * Number(body.replace(/[. ]/g, '').replace(',', '.')));
  const en = /^\d{1,3}(?:[, ]\d{3})*\.(\d+)$/.exec(body);
  if (en) return decimal(sign * Number(body.replace(/[, ]/g, '')));
  const plain = /^(\d+)[.,](\d+)$/.exec(body);
  if (plain) return decimal(sign * Number(`${plain[1] ?? ''}.${plain[2] ?? ''}`));
  return undefined;
}

function integer(value: number): NumberText {
  return { kind: 'integer', value: value === 0 ? 0 : value };
}

function decimal(value: number): NumberText {
  return Number.isInteger(value) ? integer(value) : { kind: 'decimal', value };
}
