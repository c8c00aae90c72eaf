import * as path from 'node:path';
import { FORM_4PHU_2024 } from '../../core/forms/form-4phu-2024';
import { renderSubmission } from '../../core/render/render-submission';
import { chooseMap } from '../../core/units/choose-map';
import { mapInfo, registryFor } from '../../core/units/unit-maps';
import { LocalDrive } from '../../drive/local/local-drive';
import { consolidateFolder } from '../../node/consolidate-folder';
import { NOTICE_PERIOD } from '../../sample/binh-phuoc-notice';
import { TODAY_PROVINCE_CODE, todaySample } from '../../sample/today-province';
import { writeWorkbook } from '../../xlsx/write-workbook';
import type { CliIo } from '../cli-io';
import type { Lang } from '../command';
import { summaryText } from '../consolidation-summary';
import { EXIT } from '../exit-codes';
import { cliWording } from '../cli-wording';
import { summaryWording } from '../summary-wording';
import { formatFindings } from '../format-findings';
import { writeFileOrFail, writeOutputBook } from '../write-output';
import { progressPrinter } from './consolidate';
import { unitFileStem } from './demo';

/**
 * `phu demo --map 2025-07-01`: Đồng Nai on today's map, its 95 communes'
 * files in the province's folder by the convention, consolidated straight
 * into the province.
 */
export async function runTodayDemo(outDir: string, io: CliIo, lang: Lang): Promise<number> {
  const form = FORM_4PHU_2024;
  const registry = registryFor('2025-07-01');
  const province = registry.get(TODAY_PROVINCE_CODE);
  const period = form.periods.find((p) => p.id === NOTICE_PERIOD);
  if (!province || !period) throw new Error('sample province or period missing from the catalogue');
  const dir = path.join(outDir, form.id, period.id, unitFileStem(province));
  const outFile = path.join(outDir, form.id, period.id, `${unitFileStem(province)}.xlsx`);
  const { generated, abolished } = todaySample(form, period.id);
  let files = 0;
  for (const f of [...generated.files, abolished]) {
    await writeFileOrFail(path.join(dir, `${unitFileStem(f.unit)}${f.fault === 'stale' ? ' (bản cũ)' : ''}.xlsx`), await writeWorkbook(renderSubmission(form, f.data)));
    files++;
  }
  const communes = registry.children(province.code).length;
  const w = cliWording(lang);
  io.stdout.write(`${w.todaySample({ province: `${province.name} (${province.code})`, map: summaryWording(lang).mapLabel(mapInfo('2025-07-01')), period: period.id, label: period.label, communes })}\n`);
  io.stdout.write(`${w.todayWritten({ files, abolished: abolished.unit.name, dir })}\n`);
  // The sample keeps the 2024 campaign's dates: the map is chosen, and the output says so once.
  const { findings } = chooseMap(period, '2025-07-01');
  io.stdout.write(formatFindings(findings, lang));
  const { consolidation: c, book } = await consolidateFolder({ drive: new LocalDrive(dir), folder: '', form, registry, parent: province, period, reportDate: period.due, onProgress: progressPrinter(io, lang), notes: findings });
  await writeOutputBook(outFile, book, { overwrite: true });
  io.stdout.write(`\n${summaryText(c, province, period, outFile, lang)}`);
  io.stdout.write(`\n${w.demoOpen}\n${w.todayTemplate({ period: period.id })}\n`);
  return EXIT.ok;
}
