/**
 * A number of units as official documents write it: two digits below ten
 * (`09/11 đơn vị`, `02 đơn vị`), as is in the province notice.
 *
 * @example countOf(9) === '09'
 * @example countOf(111) === '111'
 */
export function countOf(n: number): string {
  return n >= 0 && n < 10 ? `0${n}` : String(n);
}
