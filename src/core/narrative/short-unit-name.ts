import { normalizeText } from '../text/normalize-text';

/** Type prefixes of unit names, longest first so "Thành phố" wins over nothing shorter. */
const PREFIXES = ['thành phố', 'thị trấn', 'thị xã', 'đặc khu', 'huyện', 'phường', 'quận', 'tỉnh', 'xã', 'ấp', 'thôn', 'khu phố', 'tp.', 'tx.', 'tt.'];

/**
 * A unit name as reports write it, without its type prefix ("Thị xã",
 * "Huyện", "Xã", ...): `Thị xã Phước Long` -> `Phước Long`. A name that
 * would shorten to a bare number keeps its prefix (`Phường 1`), as the
 * national catalogue does.
 *
 * @example shortUnitName('Huyện Bù Đăng') === 'Bù Đăng'
 * @example shortUnitName('Phường 1') === 'Phường 1'
 */
export function shortUnitName(name: string): string {
  const n = normalizeText(name);
  const lower = n.toLocaleLowerCase('vi');
  for (const p of PREFIXES) {
    if (lower.startsWith(p + ' ') || (p.endsWith('.') && lower.startsWith(p))) {
      const rest = n.slice(p.length).trim();
      return rest === '' || /^\d+$/.test(rest) ? n : rest;
    }
  }
  return n;
}
