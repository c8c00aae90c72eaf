/**
 * A number the Vietnamese way: `.` between thousands, `,` before decimals.
 * Written by hand rather than with Intl so that the output is the same in
 * every runtime (Node's ICU, Excel's browser and Excel desktop disagree).
 *
 * @example formatNumberVi(10963) === '10.963'
 * @example formatNumberVi(-1234.5, 2) === '-1.234,50'
 */
export function formatNumberVi(value: number, decimals = 0): string {
  if (!Number.isFinite(value)) return String(value);
  const fixed = Math.abs(value).toFixed(decimals);
  const [int = '0', frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return sign + grouped + (frac ? ',' + frac : '');
}

/**
 * A rate (0.6918) as a Vietnamese percentage with two decimals: `69,18%`.
 *
 * @example formatPercentVi(0.691756) === '69,18%'
 */
export function formatPercentVi(rate: number, decimals = 2): string {
  return formatNumberVi(rate * 100, decimals) + '%';
}
