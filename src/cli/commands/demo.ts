import * as path from 'node:path';
import type { Consolidation } from '../../core/consolidate/consolidation';
import { FORM_4PHU_2024 } from '../../core/forms/form-4phu-2024';
import type { FormDef, PeriodDef } from '../../core/forms/form-schema';
import { renderConsolidation } from '../../core/render/render-consolidation';
import { renderSubmission } from '../../core/render/render-submission';
import { nationalRegistry } from '../../core/units/national-registry';
import type { Unit } from '../../core/units/unit';
import type { UnitRegistry } from '../../core/units/unit-registry';
import { LocalDrive } from '../../drive/local/local-drive';
import { consolidateFolder } from '../../node/consolidate-folder';
import { binhPhuocDistrictFigures } from '../../sample/binh-phuoc-districts';
import { BINH_PHUOC_CODE, NOTICE_PERIOD } from '../../sample/binh-phuoc-notice';
import { generateProvince, type GeneratedFile } from '../../sample/generate-province';
import { writeWorkbook } from '../../xlsx/write-workbook';
import type { CliIo } from '../cli-io';
import { optString, type Command, type Lang } from '../command';
import { cliWording } from '../cli-wording';
import { summaryText } from '../consolidation-summary';
import { failure } from '../../core/failures/failure-codes';
import { EXIT, UsageError } from '../exit-codes';
import { countFindings } from '../format-findings';
import { writeFileOrFail, writeOutputBook } from '../write-output';
import { MAP_OPTION, givenMap } from '../map-option';
import { progressPrinter } from './consolidate';
import { runTodayDemo } from './demo-today';

/** Where `phu demo` writes unless `--out` says otherwise. */
export const DEFAULT_DEMO_DIR = 'phu-demo';

/** `<code> <name>`: how the folder convention names a unit's folder and file. */
export function unitFileStem(unit: Unit): string {
  return `${unit.code} ${unit.name}`.replace(/[\\/:*?"<>|]/g, '_');
}

/** What the demo wrote: the folders of the convention and the consolidated files. */
export interface DemoLayout {
  /** `<out>/<form>/<period>`: one folder per receiving unit. */
  readonly periodDir: string;
  /** District code -> its folder of commune files. */
  readonly districtDirs: ReadonlyMap<string, string>;
  /** The province's folder of district files. */
  readonly provinceDir: string;
  /** The province's consolidated file. */
  readonly provinceFile: string;
}

/**
 * The folders of the convention `<out>/<form>/<period>/<code> <name>/`: each
 * folder holds the files its unit receives, so a district's folder holds
 * its communes' files and the province's folder its districts' files.
 */
export function demoLayout(outDir: string, form: FormDef, period: PeriodDef, province: Unit, districts: readonly Unit[]): DemoLayout {
  const periodDir = path.join(outDir, form.id, period.id);
  return {
    periodDir,
    districtDirs: new Map(districts.map((d) => [d.code, path.join(periodDir, unitFileStem(d))])),
    provinceDir: path.join(periodDir, unitFileStem(province)),
    provinceFile: path.join(periodDir, `${unitFileStem(province)}.xlsx`),
  };
}

/**
 * Writes the sample communes' files into their districts' folders, with the
 * faults a real collection has in one district: a late file, a stale
 * duplicate, a file with a wrong total, a missing commune, an Excel lock
 * file and a stray text file. Returns that district and how many files.
 */
export async function writeDemoInputs(
  layout: DemoLayout,
  form: FormDef,
  registry: UnitRegistry,
  province: Unit,
  period: PeriodDef,
): Promise<{ faultDistrict: Unit; files: number; invalidFile?: string }> {
  const districts = registry.children(province.code);
  const faultDistrict = districts[0];
  if (!faultDistrict) throw new Error(`${province.code} has no district`);
  const communes = registry.children(faultDistrict.code).map((c) => c.code);
  const pick = (i: number): string[] => (communes[i] === undefined ? [] : [communes[i]]);
  const generated = generateProvince({
    rootCode: province.code,
    registry,
    form,
    period: period.id,
    fixed: binhPhuocDistrictFigures(),
    faults: { late: pick(1), staleDuplicate: pick(2), invalid: pick(3), missing: pick(communes.length - 1) },
  });
  let files = 0;
  let invalidFile: string | undefined;
  for (const file of generated.files) {
    const dir = layout.districtDirs.get(file.unit.parentCode ?? '');
    if (dir === undefined) continue;
    const target = path.join(dir, demoFileName(file));
    await writeFileOrFail(target, await writeWorkbook(renderSubmission(form, file.data)));
    if (file.fault === 'invalid') invalidFile = target;
    files++;
  }
  const faultDir = layout.districtDirs.get(faultDistrict.code) ?? layout.periodDir;
  const first = generated.communes.find((c) => c.unit.parentCode === faultDistrict.code)?.unit;
  if (first) {
    // What Excel leaves next to a workbook it has open: a small owner file.
    await writeFileOrFail(path.join(faultDir, `~$${unitFileStem(first)}.xlsx`), lockFileBytes('Cán bộ mẫu'));
    files++;
  }
  await writeFileOrFail(path.join(faultDir, 'Ghi chú.txt'), 'Danh sách các xã đã gửi báo cáo qua thư điện tử.\n');
  return { faultDistrict, files: files + 1, ...(invalidFile !== undefined ? { invalidFile } : {}) };
}

function demoFileName(file: GeneratedFile): string {
  return `${unitFileStem(file.unit)}${file.fault === 'stale' ? ' (bản cũ)' : ''}.xlsx`;
}

/** An Office owner file: the user name in a fixed-size record. */
function lockFileBytes(user: string): Uint8Array {
  const out = new Uint8Array(165);
  const name = new TextEncoder().encode(user).slice(0, 53);
  out[0] = name.length;
  out.set(name, 1);
  return out;
}

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Chạy thử trên dữ liệu mẫu: tỉnh Bình Phước, 111 xã, từ tệp của xã đến báo cáo của tỉnh.',
  usage: ['demo [--out <thư mục>] [--map 2025-07-01]'],
  description:
    'Tạo báo cáo mẫu của 111 xã theo quy ước thư mục <mẫu>/<kỳ>/<mã huyện> <tên huyện>/<mã xã> <tên xã>.xlsx,\n' +
    'có sẵn vài tệp lỗi (nộp trễ, bản cũ, sai tổng, thiếu xã, tệp khóa ~$, tệp .txt), tổng hợp từng huyện\n' +
    'rồi tổng hợp tỉnh. Số liệu toàn tỉnh lấy theo thông báo kết quả đợt cao điểm "4 phủ" năm 2024.\n' +
    'Với --map 2025-07-01: tỉnh Đồng Nai trên danh mục từ 01/07/2025, 95 xã, phường nộp thẳng lên tỉnh (có cả tệp\n' +
    'của một phường cũ đã nhập vào phường mới, tệp này bị báo lỗi kèm đơn vị mới).\n' +
    'Chạy lại sẽ ghi đè các tệp mẫu đã tạo trước đó.',
  options: {
    out: { type: 'string', short: 'o', arg: '<thư mục>', help: `Thư mục ghi dữ liệu mẫu (mặc định ./${DEFAULT_DEMO_DIR}).`, argEn: '<folder>', helpEn: `The folder to write the sample data to (default ./${DEFAULT_DEMO_DIR}).` },
    map: {
      ...MAP_OPTION,
      help: 'Danh mục đơn vị: 2025-03-01 (mặc định, Bình Phước năm 2024, xã - huyện - tỉnh) hoặc 2025-07-01 (Đồng Nai, xã - tỉnh).',
      helpEn: 'The unit list: 2025-03-01 (default, Binh Phuoc province in 2024, commune - district - province) or 2025-07-01 (Dong Nai province, commune - province).',
    },
  },
  examples: ['demo', 'demo --out D:/thu-nghiem', 'demo --map 2025-07-01'],
  exitCodes: ['0  đã tạo dữ liệu mẫu và các báo cáo tổng hợp', '3  không ghi được thư mục'],
  en: {
    summary: "Try PHU on sample data: Binh Phuoc province, 111 communes, from the communes' files to the province's report.",
    usage: ['demo [--out <folder>] [--map 2025-07-01]'],
    description:
      'Makes the sample reports of 111 communes by the folder convention <form>/<period>/<district code> <district name>/<commune code> <commune name>.xlsx,\n' +
      'with a few faulty files (late, an old copy, a wrong total, a missing commune, a lock file ~$, a .txt file), consolidates each district\n' +
      "then the province. The province's figures are those of the results notice of the 2024 \"4 phủ\" peak campaign.\n" +
      'With --map 2025-07-01: Dong Nai province on the list in force from 01/07/2025, 95 communes and wards reporting straight to the province\n' +
      '(with the file of a former ward merged into a new one, reported as an error naming the new unit).\n' +
      'Running it again overwrites the sample files made before.',
    exitCodes: ['0  the sample data and the consolidated reports were made', '3  the folder could not be written'],
  },
  async run({ values, positionals, io, lang }) {
    if (positionals.length > 0) throw new UsageError(failure('argument_not_output', { command: 'demo', argument: positionals[0] ?? '' }));
    const outDir = path.resolve(io.cwd, optString(values, 'out') ?? DEFAULT_DEMO_DIR);
    const form = FORM_4PHU_2024;
    if (givenMap(values) === '2025-07-01') return runTodayDemo(outDir, io, lang);
    const registry = nationalRegistry();
    const province = registry.get(BINH_PHUOC_CODE);
    const period = form.periods.find((p) => p.id === NOTICE_PERIOD);
    if (!province || !period) throw new Error('sample province or period missing from the catalogue');
    const districts = registry.children(province.code);
    const layout = demoLayout(outDir, form, period, province, districts);

    const { faultDistrict, files, invalidFile } = await writeDemoInputs(layout, form, registry, province, period);
    const communes = districts.reduce((n, d) => n + registry.children(d.code).length, 0);
    const w = cliWording(lang);
    io.stdout.write(`${w.demoSample({ province: `${province.name} (${province.code})`, period: period.id, label: period.label, communes, districts: districts.length })}\n`);
    io.stdout.write(`${w.demoWritten({ files, dir: layout.periodDir })}\n\n${w.demoDistricts}\n`);

    // Each district reports on the due date, so the province sees them on time.
    const reportDate = period.due;
    let faulty: { unit: Unit; c: Consolidation; out: string } | undefined;
    for (const d of districts) {
      const out = path.join(layout.provinceDir, `${unitFileStem(d)}.xlsx`);
      const c = await consolidateOne(new LocalDrive(layout.districtDirs.get(d.code) ?? ''), form, registry, d, period, reportDate, io, lang);
      await writeOutputBook(out, renderConsolidation(form, c, { completeness: true }), { overwrite: true });
      io.stdout.write(`  ${districtLine(d, c, lang)}\n`);
      if (d.code === faultDistrict.code) faulty = { unit: d, c, out };
    }
    if (faulty) io.stdout.write(`\n${summaryText(faulty.c, faulty.unit, period, faulty.out, lang)}`);

    const pc = await consolidateOne(new LocalDrive(layout.provinceDir), form, registry, province, period, reportDate, io, lang);
    await writeOutputBook(layout.provinceFile, renderConsolidation(form, pc, { completeness: true }), { overwrite: true });
    io.stdout.write(`\n${summaryText(pc, province, period, layout.provinceFile, lang)}`);
    io.stdout.write(`\n${w.demoOpen}\n${invalidFile !== undefined ? `${w.demoValidate({ file: invalidFile })}\n` : ''}`);
    return EXIT.ok;
  },
};

async function consolidateOne(drive: LocalDrive, form: FormDef, registry: UnitRegistry, parent: Unit, period: PeriodDef, reportDate: string, io: CliIo, lang: Lang): Promise<Consolidation> {
  return (await consolidateFolder({ drive, folder: '', form, registry, parent, period, reportDate, onProgress: progressPrinter(io, lang) })).consolidation;
}

function districtLine(d: Unit, c: Consolidation, lang: Lang): string {
  const k = c.completeness;
  const { errors, warnings } = countFindings(c.findings);
  return cliWording(lang).demoDistrict({ stem: unitFileStem(d).padEnd(26), submitted: k.expected - k.missing, expected: k.expected, late: k.late, invalid: k.invalid, missing: k.missing, errors, warnings });
}
