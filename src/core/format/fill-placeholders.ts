/**
 * A UI wording with its placeholders filled: `{name}` by the parameter,
 * `{name|one|other}` by the word for a count (`one` when the parameter is 1).
 * A placeholder without its parameter stays as written, so a missing one
 * shows in the text instead of vanishing. The task pane and the web page
 * word their messages through it, so shared wording reads the same.
 *
 * @example fillPlaceholders('{n} {n|error|errors}', { n: 1 }) // '1 error'
 */
export function fillPlaceholders(text: string, params: Readonly<Record<string, string | number>>): string {
  return text
    .replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (whole, name: string, one: string, other: string) => (name in params ? (Number(params[name]) === 1 ? one : other) : whole))
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
