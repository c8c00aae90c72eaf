/** An administrative unit: a province, district, commune, or the country. */
export interface Unit {
  readonly code: string;
  /** Full name as in the catalogue: `Thị xã Phước Long`. */
  readonly name: string;
  /** Name without the type prefix, as reports write it: `Phước Long`. */
  readonly shortName: string;
  /** Level code (`tinh`, `huyen`, `xa`, ...), one of the registry's levels. */
  readonly level: string;
  readonly parentCode?: string;
}
