import type { Consolidation, SourceRow, SourceStatus } from '../core/consolidate/consolidation';
import type { Finding } from '../core/findings/finding';
import type { PeriodDef } from '../core/forms/form-schema';
import type { Unit } from '../core/units/unit';
import type { Lang } from './command';
import { countFindings, findingJson, findingMessage } from './format-findings';
import { summaryWording } from './summary-wording';
import { escapeControls } from './terminal-text';

/** Source statuses that mean a file was refused, for `--strict`. */
export const REJECTED_STATUSES: readonly SourceStatus[] = ['invalid', 'unexpected'];


const MAX_LISTED = 12;

/** How many sources have each status. */
export function sourceCounts(c: Consolidation): Record<SourceStatus, number> {
  const counts: Record<SourceStatus, number> = { used: 0, late: 0, superseded: 0, invalid: 0, unexpected: 0, ignored: 0 };
  for (const s of c.sources) counts[s.status]++;
  return counts;
}

/** The number of files refused (invalid or not a child of the unit). */
export function rejectedCount(c: Consolidation): number {
  return c.sources.filter((s) => REJECTED_STATUSES.includes(s.status)).length;
}

/** The few lines `phu consolidate` prints after a run, in the language asked for. */
export function summaryText(c: Consolidation, unit: Unit, period: PeriodDef, out: string, lang: Lang): string {
  const w = summaryWording(lang);
  const k = c.completeness;
  const submitted = k.expected - k.missing;
  const n = sourceCounts(c);
  const { errors, warnings } = countFindings(c.findings);
  const lines = [
    w.consolidated({ unit: `${escapeControls(unit.name)} (${escapeControls(unit.code)})`, period: period.id, label: period.label }),
    `  ${w.submitted({ submitted, expected: k.expected, onTime: k.onTime, late: k.late, invalid: k.invalid, missing: k.missing })}`,
    `  ${w.filesRead({ files: c.sources.length, used: n.used + n.late, invalid: n.invalid, superseded: n.superseded, unexpected: n.unexpected, ignored: n.ignored })}`,
    `  ${w.findingCounts({ errors, warnings })}`,
  ];
  const left = c.sources.filter((s) => s.status !== 'used' && s.status !== 'late');
  if (left.length > 0) {
    lines.push(w.leftOutHeading);
    const width = Math.min(48, Math.max(...left.map((s) => escapeControls(s.file).length))) + 2;
    const statusWidth = Math.max(...left.map((s) => w.sourceStatus[s.status].length)) + 2;
    for (const s of left.slice(0, MAX_LISTED)) lines.push(`  ${escapeControls(s.file).padEnd(width)}${w.sourceStatus[s.status].padEnd(statusWidth)}${reasonOf(s, c.findings, lang)}`);
    if (left.length > MAX_LISTED) lines.push(`  ${w.moreFiles({ count: left.length - MAX_LISTED, sheet: 'NguonDuLieu' })}`);
  }
  const invalid = c.children.filter((r) => r.status === 'invalid');
  if (invalid.length > 0) {
    lines.push(w.invalidHeading);
    for (const r of invalid.slice(0, MAX_LISTED)) {
      const why = r.firstError ? (lang === 'en' ? r.firstError.message_en : r.firstError.message_vi) : '';
      lines.push(`  ${r.unit.name} (${r.unit.code}): "${r.file ?? ''}"${why ? `: ${why}` : ''}`);
    }
    if (invalid.length > MAX_LISTED) lines.push(`  ${w.moreUnits({ count: invalid.length - MAX_LISTED })}`);
  }
  const missing = c.children.filter((r) => r.status === 'missing');
  if (missing.length > 0) {
    const names = missing.slice(0, MAX_LISTED).map((r) => escapeControls(`${r.unit.name} (${r.unit.code})`));
    lines.push(w.missing({ names: names.join(', '), more: Math.max(0, missing.length - MAX_LISTED) }));
  }
  lines.push(w.written({ out: escapeControls(out) }));
  return `${lines.join('\n')}\n`;
}

/** The `--json` summary: completeness, every source with its status, every finding with its code. */
export function summaryJson(c: Consolidation, unit: Unit, period: PeriodDef, out: string): Record<string, unknown> {
  const { errors, warnings } = countFindings(c.findings);
  return {
    form: c.info.form ?? null,
    period: period.id,
    unit: { code: unit.code, name: unit.name, level: unit.level },
    output: out,
    completeness: { ...c.completeness, submitted: c.completeness.expected - c.completeness.missing },
    counts: { files: c.sources.length, ...sourceCounts(c), rejected: rejectedCount(c), errors, warnings },
    children: c.children.map((r) => ({ code: r.unit.code, name: r.unit.name, status: r.status, file: r.file ?? null, firstError: r.firstError ? findingJson(r.firstError) : null })),
    total: c.total,
    sources: c.sources.map((s) => ({
      file: s.file,
      unitCode: s.unitCode ?? null,
      status: s.status,
      reportDate: s.reportDate ?? null,
      modified: s.modified ?? null,
      bytes: s.bytes,
      sha256: s.sha256,
    })),
    findings: c.findings.map(findingJson),
  };
}

/** Why a file was left out: its first error, else its first finding. */
function reasonOf(s: SourceRow, findings: readonly Finding[], lang: Lang): string {
  const own = findings.filter((f) => f.file === s.file);
  const errorsOf = own.filter((f) => f.severity === 'error');
  const first = errorsOf[0] ?? own.find((f) => f.code === 'duplicate_superseded' || f.code === 'file_ignored') ?? own[0];
  if (!first) return '';
  const more = errorsOf.length > 1 ? summaryWording(lang).moreErrors({ count: errorsOf.length - 1 }) : '';
  return findingMessage(first, lang) + more;
}
