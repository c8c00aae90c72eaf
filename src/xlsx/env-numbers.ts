/**
 * Positive numbers read from environment variables by a table of names and
 * units (`{ key: { name, unit } }`): each set value times its unit, and the
 * names of those whose value is not a positive number, so that the caller
 * can say so rather than silently use its default. A comma is read as the
 * decimal point, as Vietnamese writes it.
 *
 * @example envNumbers({ timeoutMs: { name: 'PHU_MAX_READ_SECONDS', unit: 1000 } }, { PHU_MAX_READ_SECONDS: '2,5' }) // { values: { timeoutMs: 2500 }, invalid: [] }
 */
export function envNumbers<K extends string>(
  table: Readonly<Record<K, { readonly name: string; readonly unit: number }>>,
  env: Readonly<Record<string, string | undefined>>,
): { values: Partial<Record<K, number>>; invalid: string[] } {
  const values: Partial<Record<K, number>> = {};
  const invalid: string[] = [];
  for (const key of Object.keys(table) as K[]) {
    const { name, unit } = table[key];
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') continue;
    const v = Number(raw.trim().replace(',', '.'));
    if (!Number.isFinite(v) || v <= 0) invalid.push(name);
    else values[key] = v * unit;
  }
  return { values, invalid };
}
