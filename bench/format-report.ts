import type { CountryRun } from './country-bench';
import type { BenchReport } from './run-bench';

const MB = 1024 * 1024;

function n(x: number, digits = 0): string {
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function s(seconds: number): string {
  return seconds >= 10 ? `${n(seconds, 1)} s` : `${n(seconds, 3)} s`;
}

function mb(bytes: number): string {
  return `${n(bytes / MB, 1)} MB`;
}

function kb(bytes: number): string {
  return `${n(bytes / 1024, 1)} kB`;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function lpad(text: string, width: number): string {
  return text.length >= width ? text : ' '.repeat(width - text.length) + text;
}

/** The report as printed: figures and ratios, never a pass or fail on time. */
export function formatReport(r: BenchReport): string {
  const out: string[] = [];
  const m = r.machine;
  out.push(`PHU benchmark: ${m.cpus} cores (${m.cpu}), ${mb(m.memoryBytes)} RAM, Node ${m.node}, ${m.platform}`);
  out.push(`Load average at start ${m.load.map((x) => n(x, 2)).join(' / ')}: on a shared machine figures move between runs; repeated figures are medians of ${r.options.reps} runs.`);
  for (const d of r.datasets) {
    const how = d.generatedSeconds > 0 ? `generated in ${s(d.generatedSeconds)} (${d.cachedFolders}/${d.folders} folders were cached)` : 'cached';
    out.push(`Data ${d.spec.name}: ${n(d.files)} files, ${mb(d.bytes)}, ${how}, in ${d.dir}`);
  }

  const p = r.province;
  if (p) {
    out.push('', `1. Province Bình Phước: ${p.files} commune files -> ${p.run.filesWritten['huyen'] ?? 0} districts -> province (files written and read back at each level)`);
    out.push(`   parse only, ExcelJS xlsx.load       ${lpad(s(p.parseOnly.median), 9)}  ${lpad(n(p.files / p.parseOnly.median), 5)} files/s   (min ${s(p.parseOnly.min)}, max ${s(p.parseOnly.max)})`);
    out.push(`   PHU pipeline, one thread            ${lpad(s(p.pipeline.median), 9)}  ${lpad(n(p.files / p.pipeline.median), 5)} files/s   (min ${s(p.pipeline.min)}, max ${s(p.pipeline.max)})`);
    out.push(`   ratio pipeline / parse-only         ${lpad(n(p.ratio, 2), 9)}   (goal at most 1.25; median over ${p.parseOnly.runs.length} alternating pairs)`);
    out.push(`   CPU time: parse-only ${s(p.parseOnlyCpu.median)}, pipeline ${s(p.pipelineCpu.median)}, ratio ${n(p.cpuRatio, 2)} (less moved by other work on the machine)`);
    const st = p.stages;
    out.push(`   pipeline time by stage              read+validate ${s(st.read)}, consolidate ${s(st.consolidate)}, render ${s(st.render)}, write ${Object.values(p.run.filesWritten).reduce((a, b) => a + b, 0)} workbooks ${s(st.write)}`);
    if (p.pipelineWorkers) {
      const w = p.pipelineWorkers;
      out.push(`   PHU pipeline, ${w.workers} workers (started)    ${lpad(s(w.timings.median), 9)}  ${lpad(n(p.files / w.timings.median), 5)} files/s   (ratio ${n(w.timings.median / p.parseOnly.median, 2)}; CPU ${s(w.cpu.median)}; first run with thread start-up ${s(w.coldSeconds)})`);
    }
    out.push(`   one district (${p.district.code}, ${p.district.files} communes) to its workbook, one thread: ${s(p.district.timings.median)}`);
    out.push(`   physical floor (read + inflate every part of the same files) ${s(p.floor.median)}: pipeline / floor ${n(p.floorRatio, 2)}x${p.pipelineWorkers ? `, ${p.pipelineWorkers.workers} workers / floor ${n(p.pipelineWorkers.timings.median / p.floor.median, 2)}x` : ''} (goal at most 5x)`);
    if (Object.values(p.run.invalid).some((x) => x > 0)) out.push(`   NOTE: files with errors: ${JSON.stringify(p.run.invalid)}`);
  }

  const c = r.country;
  if (c) {
    const first = c.runs[0];
    const levels = first ? Object.entries(first.result.filesRead).map(([lv, k]) => `${n(k)} ${lv}`).join(' + ') : '';
    out.push('', `2. Country: ${n(c.dataset.files)} commune files -> ${first ? Object.entries(first.result.filesWritten).map(([lv, k]) => `${n(k)} ${lv}`).join(' -> ') : ''} (files read: ${levels})`);
    out.push(`   workers   wall        CPU (all threads)   communes/s   files read/s   peak RSS (process)   peak heap (main thread)`);
    const row = (label: string, x: CountryRun): string =>
      `   ${pad(label, 9)} ${lpad(s(x.seconds), 9)}   ${lpad(s(x.cpuSeconds), 17)}   ${lpad(n(x.communesPerSecond), 10)}   ${lpad(n(x.filesRead / x.seconds), 12)}   ${lpad(mb(x.peakRssBytes), 18)}   ${lpad(mb(x.peakHeapBytes), 20)}`;
    for (const x of c.runs) out.push(row(String(x.workers), x));
    const by = (w: number): CountryRun | undefined => c.runs.find((x) => x.workers === w);
    const [zero, one, two] = [by(0), by(1), by(2)];
    const vs: string[] = [];
    if (zero && one) vs.push(`1 worker takes ${n(one.seconds / zero.seconds, 2)} of the one-thread time`);
    if (one && two) vs.push(`2 workers ${n(two.seconds / one.seconds, 2)} of 1 worker's`);
    if (vs.length > 0) out.push(`   ${vs.join('; ')} (0 = everything in the calling thread)`);
    if (c.provinceBaseline) {
      const b = c.provinceBaseline;
      out.push(`   memory bound: the same run on Bình Phước's ${b.communeFiles} files peaks at ${mb(b.peakRssBytes)} RSS with ${b.workers} worker(s); ${n(c.dataset.files / b.communeFiles, 0)}x the files cost ${n((c.runs.find((x) => x.workers === b.workers)?.peakRssBytes ?? 0) / b.peakRssBytes, 2)}x the memory`);
    }
    const floorRow = (x: CountryRun): string => `${x.workers} worker(s) ${n(x.seconds / x.floor.seconds, 2)}x`;
    const fl = c.runs[0]?.floor;
    if (fl) {
      out.push(`   physical floor: reading and inflating the same ${n(fl.files)} files (${mb(fl.bytes)} -> ${mb(fl.inflatedBytes)}) takes ${s(fl.seconds)}; tree / floor: ${c.runs.map(floorRow).join(', ')} (goal at most 5x)`);
    }
    out.push(`   goal: under 60 s on this machine${c.runs.some((x) => !x.ownProcess) ? ' (measured in the calling process: peak memory includes earlier parts)' : ''}`);
    if (c.runs.some((x) => Object.values(x.result.invalid).some((k) => k > 0))) out.push(`   NOTE: files with errors: ${c.runs.map((x) => JSON.stringify(x.result.invalid)).join(' ')}`);
  }

  const e = r.excel;
  if (e) {
    out.push('', '3. In Excel, through the stand-in host (Excel on the web 5 MB limit enforced)');
    out.push('   rows      validate: syncs  max req / resp      validate, 1 fault: syncs   compute in place: syncs  max req / resp');
    for (const x of e.sizes) {
      out.push(
        `   ${pad(n(x.rows), 9)} ${lpad(String(x.validate.syncs), 15)}  ${lpad(kb(x.validate.maxRequestBytes), 8)} / ${pad(kb(x.validate.maxResponseBytes), 10)} ${lpad(String(x.validateFaulty.syncs), 15)}            ${lpad(String(x.compute.syncs), 13)}  ${lpad(kb(x.compute.maxRequestBytes), 9)} / ${kb(x.compute.maxResponseBytes)}`,
      );
    }
    out.push(`   sync count constant across sizes: ${e.constantSyncs ? 'yes' : 'NO'}; largest request or response ${mb(e.maxPayloadBytes)} (limit 5 MB)`);
  }

  const f = r.functions;
  if (f) {
    out.push('', `4. Custom functions, one range call of ${n(f.tyle.cells)} cells (median of ${r.options.reps})`);
    out.push(`   PHU.TYLE      ${lpad(n(f.tyle.nsPerCell), 6)} ns per cell   (${s(f.tyle.seconds)} for the range)`);
    out.push(`   PHU.XEPHANG   ${lpad(n(f.xephang.nsPerCell), 6)} ns per cell   (${s(f.xephang.seconds)}); on ${n(f.xephangTenth.cells)} cells ${s(f.xephangTenth.seconds)}`);
    out.push(`   XEPHANG growth for 10x the cells: ${n(f.xephangGrowth, 1)}x the time (10 is linear, n log n a little more, quadratic would be 100)`);
  }

  const b = r.bundles;
  if (b) {
    out.push('', `5. Add-in bundles (${b.status}${b.buildSeconds !== undefined ? `, build ${s(b.buildSeconds)}` : ''})`);
    for (const x of b.files) out.push(`   ${pad(x.name, 34)} ${lpad(kb(x.bytes), 10)} raw   ${lpad(kb(x.gzipBytes), 9)} gzipped`);
    if (b.files.length > 0) out.push(`   functions.js pulls in: ${b.functionsContains.length === 0 ? 'neither ExcelJS, the Graph SDK nor MSAL' : b.functionsContains.join(', ')}`);
    if (b.detail) out.push(...b.detail.split('\n').map((l) => `   | ${l}`));
  }
  const rd = r.reader;
  if (rd) {
    out.push('', '6. Reader: each hostile file read in a process of its own (peak RSS includes Node itself)');
    for (const h of rd.hostile) out.push(`   ${pad(h.name, 78)} ${lpad(kb(h.bytes), 10)}  ${lpad(s(h.seconds), 8)}  ${lpad(mb(h.peakRssBytes), 9)}  ${h.outcome}`);
    const d = rd.differential;
    out.push(`   differential fuzz (PHU's reader vs ExcelJS on mutated files): ${n(d.runs)} runs, seed ${d.seed}, ${s(d.seconds)}: ${d.failure ? 'DISAGREEMENT' : 'no disagreement'}`);
    if (d.failure) out.push(...d.failure.split('\n').map((l) => `   | ${l}`));
  }
  const cc = r.cold;
  if (cc) {
    out.push('', `7. Cold command: phu consolidate of district ${cc.unitCode} (${cc.files} communes), a fresh Node process each time (median of ${cc.command.runs.length})`);
    out.push(`   phu consolidate                     ${lpad(s(cc.command.median), 9)}   (ExcelJS loaded: ${cc.exceljsLoaded ? 'yes' : 'no'}; ${n(cc.modules)} files required)`);
    out.push(`   floor process (read + inflate)      ${lpad(s(cc.floorProcess.median), 9)}   (of which the files themselves ${s(cc.floorInside.median)})`);
    out.push(`   ratio command / floor               ${lpad(n(cc.ratio, 2), 9)}   (goal at most 3x)`);
  }
  out.push('', `Benchmark ran for ${s(r.seconds)}.`);
  return `${out.join('\n')}\n`;
}
