import { COUNTRY } from './country';
import { registryFor } from './unit-maps';
import type { UnitRegistry } from './unit-registry';

export { COUNTRY };

/**
 * Every unit of the statistics office's catalogue of 01/03/2025 (63
 * provinces, 691 districts, 10,047 communes) under the country root: the
 * map of the 2024 campaign. Today's map is `registryFor('2025-07-01')`.
 */
export function nationalRegistry(): UnitRegistry {
  return registryFor('2025-03-01');
}
