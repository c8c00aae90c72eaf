import { createFinding, type Finding } from '../findings/finding';
import { formatDateVi } from '../format/iso-date';
import { mapForDate, type MapId } from './unit-maps';

/** The map a run uses, and the warning when it is not the one the period's dates give. */
export interface MapChoice {
  readonly map: MapId;
  /** The map the period's last day gives (undefined without a period). */
  readonly byDate?: MapId;
  /** `map_period_mismatch` when `given` disagrees with the period's dates; said once per run. */
  readonly findings: readonly Finding[];
}

/**
 * The map in force for a period: the one of its last day, unless the person
 * chose one (`--map`, the pane's selector); a choice that disagrees with the
 * period's dates is kept, with a warning. Without a period and a choice the
 * map of `today` stands.
 *
 * @example chooseMap({ to: '2024-07-08' }, '2025-07-01').findings[0]?.code === 'map_period_mismatch'
 */
export function chooseMap(period: { readonly to: string } | undefined, given: MapId | undefined, today?: string): MapChoice {
  const byDate = period ? mapForDate(period.to) : undefined;
  const map = given ?? byDate ?? mapForDate(today ?? new Date().toISOString().slice(0, 10));
  const findings = given !== undefined && byDate !== undefined && given !== byDate && period ? [createFinding('map_period_mismatch', { map: formatDateVi(given), expected: formatDateVi(byDate), periodTo: formatDateVi(period.to) })] : [];
  return { map, ...(byDate !== undefined ? { byDate } : {}), findings };
}
