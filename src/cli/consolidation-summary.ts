import type { Consolidation, SourceRow, SourceStatus } from '../core/consolidate/consolidation';
import type { Finding } from '../core/findings/finding';
import type { PeriodDef } from '../core/forms/form-schema';
import { SOURCE_STATUS_VI } from '../core/render/status-labels';
import type { Unit } from '../core/units/unit';
import type { Lang } from './command';
import { countFindings, findingJson, findingMessage } from './format-findings';
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

/** The few Vietnamese lines `phu consolidate` prints after a run. */
export function summaryText(c: Consolidation, unit: Unit, period: PeriodDef, out: string, lang: Lang): string {
  const k = c.completeness;
  const submitted = k.expected - k.missing;
  const n = sourceCounts(c);
  const { errors, warnings } = countFindings(c.findings);
  const lines = [
    `Tổng hợp ${escapeControls(unit.name)} (${escapeControls(unit.code)}), kỳ ${period.id} (${period.label}):`,
    `  Đã nộp ${submitted}/${k.expected} đơn vị: ${k.onTime} đúng hạn, ${k.late} trễ hạn, ${k.invalid} không hợp lệ; ${k.missing} chưa nộp.`,
    `  Đã đọc ${c.sources.length} tệp: ${n.used + n.late} được tổng hợp; ${n.invalid} không hợp lệ, ${n.superseded} có tệp mới hơn, ${n.unexpected} không thuộc đơn vị, ${n.ignored} bỏ qua.`,
    `  ${errors} lỗi, ${warnings} cảnh báo (chi tiết trong trang KiemTra).`,
  ];
  const left = c.sources.filter((s) => s.status !== 'used' && s.status !== 'late');
  if (left.length > 0) {
    lines.push('Tệp không được tổng hợp:');
    const width = Math.min(48, Math.max(...left.map((s) => escapeControls(s.file).length))) + 2;
    const statusWidth = Math.max(...left.map((s) => SOURCE_STATUS_VI[s.status].length)) + 2;
    for (const s of left.slice(0, MAX_LISTED)) lines.push(`  ${escapeControls(s.file).padEnd(width)}${SOURCE_STATUS_VI[s.status].padEnd(statusWidth)}${reasonOf(s, c.findings, lang)}`);
    if (left.length > MAX_LISTED) lines.push(`  ... và ${left.length - MAX_LISTED} tệp khác (xem trang NguonDuLieu).`);
  }
  const invalid = c.children.filter((r) => r.status === 'invalid');
  if (invalid.length > 0) {
    lines.push('Không hợp lệ:');
    for (const r of invalid.slice(0, MAX_LISTED)) {
      const why = r.firstError ? (lang === 'en' ? r.firstError.message_en : r.firstError.message_vi) : '';
      lines.push(`  ${r.unit.name} (${r.unit.code}): "${r.file ?? ''}"${why ? `: ${why}` : ''}`);
    }
    if (invalid.length > MAX_LISTED) lines.push(`  ... và ${invalid.length - MAX_LISTED} đơn vị khác.`);
  }
  const missing = c.children.filter((r) => r.status === 'missing');
  if (missing.length > 0) {
    const names = missing.slice(0, MAX_LISTED).map((r) => escapeControls(`${r.unit.name} (${r.unit.code})`));
    lines.push(`Chưa nộp: ${names.join(', ')}${missing.length > MAX_LISTED ? ` và ${missing.length - MAX_LISTED} đơn vị khác` : ''}.`);
  }
  lines.push(`Đã ghi: ${escapeControls(out)}`);
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
  const more = errorsOf.length > 1 ? ` (và ${errorsOf.length - 1} lỗi khác)` : '';
  return findingMessage(first, lang) + more;
}
