const MAX_NAME = 31;

/**
 * Sheet names Excel accepts, in the same order: the characters it forbids
 * (`* ? : \ / [ ]`) become `-`, a leading or trailing apostrophe is dropped,
 * names are cut to 31 characters and made unique regardless of case by a
 * ` (2)`, ` (3)`... suffix. Valid, unique names are kept as they are.
 */
export function uniqueSheetNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((raw) => {
    let base = raw.replace(/[*?:/\\[\]]/g, '-').replace(/\p{Cc}/gu, ' ').replace(/^'+|'+$/g, '').trim();
    if (base === '') base = 'Sheet';
    if (base.toLowerCase() === 'history') base = `${base}-1`;
    base = cut(base, MAX_NAME);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = cut(base, MAX_NAME - suffix.length) + suffix;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}

/** At most `max` UTF-16 units, never splitting a surrogate pair. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const head = s.slice(0, max);
  return /[\ud800-\udbff]$/.test(head) ? head.slice(0, -1) : head;
}
