import { chooseMap, type MapChoice } from '../core/units/choose-map';
import { MAP_IDS, mapInfo, parseMapId, registryFor, type MapId } from '../core/units/unit-maps';
import type { UnitRegistry } from '../core/units/unit-registry';
import type { CliIo } from './cli-io';
import { optString, type Lang, type OptionValues } from './command';
import { failure } from '../core/failures/failure-codes';
import { UsageError } from './exit-codes';
import { formatFindings } from './format-findings';

const LEVELS_EN: Readonly<Record<string, string>> = { tinh: 'province', huyen: 'district', xa: 'commune' };

/** The `--map` option as every command declares it. */
export const MAP_OPTION = {
  type: 'string',
  arg: `<${MAP_IDS.join('|')}>`,
  help: `Danh mục đơn vị hành chính: ${MAP_IDS.map((id) => mapInfo(id).label).join('; ')}. Mặc định theo ngày cuối của kỳ báo cáo (trước 01/07/2025: danh mục cũ).`,
  argEn: `<${MAP_IDS.join('|')}>`,
  helpEn: `The list of administrative units: ${MAP_IDS.map((id) => `${id} (${mapInfo(id).levels.map((l) => LEVELS_EN[l] ?? l).join(', ')})`).join('; ')}. By default the one in force on the last day of the period (before 01/07/2025: the old list).`,
} as const;

/** The map `--map` names, undefined when not given; a usage error for anything else. */
export function givenMap(values: OptionValues): MapId | undefined {
  const text = optString(values, 'map');
  if (text === undefined) return undefined;
  const id = parseMapId(text);
  if (!id) throw new UsageError(failure('map_invalid', { map: text, maps: MAP_IDS.join(', ') }));
  return id;
}

/**
 * The map a command uses and its registry: `--map`, else the one of the
 * period's last day. A `--map` that disagrees with the period's dates is
 * kept, and said once on stderr.
 */
export function mapOption(values: OptionValues, period: { readonly to: string } | undefined, io: CliIo, lang: Lang): MapChoice & { readonly registry: UnitRegistry } {
  const choice = chooseMap(period, givenMap(values));
  if (choice.findings.length > 0) io.stderr.write(formatFindings(choice.findings, lang));
  return { ...choice, registry: registryFor(choice.map) };
}
