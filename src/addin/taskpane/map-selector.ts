import { MAP_IDS, mapInfo, registryFor, type MapId } from '../../core/units/unit-maps';
import type { UnitRegistry } from '../../core/units/unit-registry';
import { el } from './dom';

/** The pane's choice of administrative map: a small select, and the registry it stands for. */
export interface MapSelector {
  readonly element: HTMLElement;
  /** The registry of the map chosen now (read at each use, so a switch applies to the next action). */
  registry(): UnitRegistry;
  current(): MapId;
}

/**
 * Shows which map the pane uses (`danh mục 01/03/2025 (tỉnh, huyện, xã)` or
 * `danh mục 01/07/2025 (tỉnh, xã)`) and lets the person switch it. It starts
 * on `initial`: the map of the campaign's last period.
 *
 * @example const maps = mapSelector('2025-03-01'); deps.registry = maps.registry;
 */
export function mapSelector(initial: MapId, lang: 'vi' | 'en' = 'vi'): MapSelector {
  let chosen: MapId = initial;
  const label = lang === 'en' ? 'Unit map' : 'Danh mục đơn vị';
  const select = el('select', { 'data-testid': 'map-select', 'aria-label': label });
  for (const id of MAP_IDS) {
    const option = el('option', { value: id, selected: id === initial }, mapInfo(id).label);
    select.append(option);
  }
  select.addEventListener('change', () => {
    const id = MAP_IDS.find((m) => m === select.value);
    if (id) chosen = id;
  });
  const element = el('label', { class: 'phu-map' }, `${label}: `, select);
  return { element, registry: () => registryFor(chosen), current: () => chosen };
}
