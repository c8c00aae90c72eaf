import { FORM_4PHU_2024 } from '../core/forms/form-4phu-2024';
import type { FormDef } from '../core/forms/form-schema';
import { registryFor } from '../core/units/unit-maps';
import { generateProvince, type GeneratedFile, type GeneratedProvince } from './generate-province';

/** The sample province on today's map: Đồng Nai, which Bình Phước joined on 01/07/2025. */
export const TODAY_PROVINCE_CODE = '75';

/** The old commune whose file still comes in after the reform: Phường Thác Mơ, merged into Phường Phước Long. */
export const ABOLISHED_SAMPLE_CODE = '25216';

/** The sample on today's map: the province's communes' files, and one file of an abolished commune. */
export interface TodaySample {
  readonly generated: GeneratedProvince;
  /** A file made on the old map by a commune the reform merged away. */
  readonly abolished: GeneratedFile;
}

/**
 * Đồng Nai's 95 communes reporting straight to the province, with the
 * faults of a real collection (one late, one stale duplicate, one wrong
 * total, one missing), and Phường Thác Mơ's file of the old map.
 *
 * @example todaySample().generated.communes.length === 95
 */
export function todaySample(form: FormDef = FORM_4PHU_2024, period = 'TK', seed = 2025): TodaySample {
  const registry = registryFor('2025-07-01');
  const communes = registry.children(TODAY_PROVINCE_CODE).map((u) => u.code);
  const pick = (i: number): string[] => (communes[i] === undefined ? [] : [communes[i]]);
  const generated = generateProvince({ rootCode: TODAY_PROVINCE_CODE, registry, form, period, seed, faults: { late: pick(1), staleDuplicate: pick(2), invalid: pick(3), missing: pick(communes.length - 1) } });
  const old = registryFor('2025-03-01');
  const district = old.get(ABOLISHED_SAMPLE_CODE)?.parentCode ?? '';
  const abolished = generateProvince({ rootCode: district, registry: old, form, period, seed }).files.find((f) => f.unit.code === ABOLISHED_SAMPLE_CODE);
  if (!abolished) throw new Error(`no sample file for ${ABOLISHED_SAMPLE_CODE}`);
  return { generated, abolished };
}
