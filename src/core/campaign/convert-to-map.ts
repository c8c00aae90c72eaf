import type { ChildReport } from '../consolidate/child-report';
import type { FormDef } from '../forms/form-schema';
import type { OutputSheet } from '../grid/output-book';
import type { Scalar } from '../grid/scalar';
import type { MapBridge } from '../units/map-bridge';
import type { UnitRegistry } from '../units/unit-registry';
import type { CarriedPrevious } from './carry-previous';
import type { PreviousFigures } from '../consolidate/previous-figures';

/** The sheet listing every old unit and what became of it. */
export const CONVERSION_SHEET = 'ChuyenDoi';

/**
 * Figures carried onto the new map as one report per new commune, ready for
 * `consolidate` into a province of the new map: the old figures shown on
 * the new units. `source` names where they came from.
 *
 * @example consolidate(convertedReports(carried, form, registryFor('2025-07-01'), 'cu/'), { form, registry, parentCode: '75', period: 'TK' })
 */
export function convertedReports(carried: CarriedPrevious, form: FormDef, target: UnitRegistry, source: string): ChildReport[] {
  const out: ChildReport[] = [];
  for (const [code, total] of Object.entries(carried.previous.byUnit)) {
    const unit = target.get(code);
    if (!unit) continue;
    out.push({
      source: { file: `${source} → ${unit.code} ${unit.name}`, bytes: 0, sha256: '' },
      findings: [],
      info: { form: form.id, form_version: form.version, level: unit.level, unit_code: unit.code, unit_name: unit.name, parent_code: unit.parentCode ?? '', period: carried.previous.period },
      total,
    });
  }
  return out;
}

/**
 * `ChuyenDoi`: one row per old commune of the figures and each place it
 * went (old code, name, district, province; new code and name; the
 * table's wording; whether its figures were carried and why not).
 */
export function conversionSheet(previous: PreviousFigures, carried: CarriedPrevious, bridge: MapBridge, from: UnitRegistry, to: UnitRegistry): OutputSheet {
  const rows: Scalar[][] = [['Mã đơn vị cũ', 'Tên đơn vị cũ', 'Huyện cũ', 'Tỉnh cũ', 'Mã đơn vị mới', 'Tên đơn vị mới', 'Hình thức sắp xếp', 'Số liệu']];
  for (const code of Object.keys(previous.byUnit)) {
    const old = from.get(code);
    if (!old || old.level !== 'xa') continue;
    const district = from.parent(old);
    const province = district ? from.parent(district) : undefined;
    const head: Scalar[] = [old.code, old.name, district?.name ?? '', province?.name ?? ''];
    const edges = bridge.successors(old.code);
    if (edges.length === 0) rows.push([...head, '', '', '', 'Không có trong bảng chuyển đổi: không chuyển']);
    for (const e of edges) {
      const carry = bridge.carry(e);
      const done = carried.previous.byUnit[e.newCode] !== undefined;
      const what = carry === 'none' ? 'Chỉ chuyển diện tích: không tính' : carry === 'part' ? 'Chia tách: không chuyển được' : done ? 'Cộng vào đơn vị mới' : 'Đơn vị mới không có số liệu kỳ trước (xem KiemTra)';
      rows.push([...head, e.newCode, to.get(e.newCode)?.name ?? '', e.change, what]);
    }
  }
  const widths = [12, 26, 24, 22, 12, 26, 34, 44];
  return { name: CONVERSION_SHEET, rows, columns: widths.map((width) => ({ width })), headerRows: [0], frozen: { rows: 1, columns: 0 }, filter: { top: 0, left: 0, bottom: Math.max(0, rows.length - 1), right: widths.length - 1 } };
}
