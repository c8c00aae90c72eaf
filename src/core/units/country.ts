import type { Unit } from './unit';

/** The country's root unit, parent of the provinces on every map. */
export const COUNTRY: Unit = { code: 'VN', name: 'Việt Nam', shortName: 'Việt Nam', level: 'quocgia' };
