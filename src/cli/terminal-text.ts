/**
 * Characters a terminal acts on instead of showing: C0 controls, DEL, C1
 * controls (U+0080–U+009F; U+009B is a one-byte CSI on some terminals), the
 * line and paragraph separators, and the bidi embeddings, overrides and
 * isolates that reorder what is shown (a name could make a line read
 * differently from what it holds).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- as above, line feed and tab kept
const CONTROLS_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text safe to print on a terminal: every control character becomes its
 * visible `\uXXXX` escape, so a file or unit name carrying ESC sequences
 * (erase line, OSC 52 clipboard writes), BEL or CR is shown, never obeyed.
 * The escape is JSON's own, so JSON text stays valid JSON with the same
 * value. With `keepLines`, line feeds and tabs pass (for whole blocks of the
 * CLI's own text); without, a value cannot start a line of its own either.
 *
 * @example escapeControls('a\u001b]52;c;eA==\u0007b') === 'a\\u001b]52;c;eA==\\u0007b'
 * @example escapeControls('x\ny', { keepLines: true }) === 'x\ny'
 */
export function escapeControls(text: string, opts: { readonly keepLines?: boolean } = {}): string {
  return text.replace(opts.keepLines === true ? CONTROLS_BUT_LINES : CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
