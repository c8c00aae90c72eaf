const collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });

/**
 * The one order PHU lists files in, whatever the source (a local folder,
 * SharePoint, files picked in a browser): folders first, then names in
 * Vietnamese order with numbers compared as numbers (`2` before `10`), ties
 * broken by code points so the order never depends on the listing.
 *
 * @example ['10.xlsx', '2.xlsx'].map((name) => ({ name })).sort(compareFileNames) // 2.xlsx, 10.xlsx
 */
export function compareFileNames(a: { readonly name: string; readonly isFolder?: boolean }, b: { readonly name: string; readonly isFolder?: boolean }): number {
  const af = a.isFolder === true;
  const bf = b.isFolder === true;
  if (af !== bf) return af ? -1 : 1;
  return collator.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
