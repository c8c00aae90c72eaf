import type { Finding } from '../core/findings/finding';
import type { Severity } from '../core/findings/finding-codes';
import { SEVERITY_VI } from '../core/render/status-labels';
import type { Lang } from './command';
import { escapeControls } from './terminal-text';

const SEVERITY: Readonly<Record<Lang, Readonly<Record<Severity, string>>>> = {
  vi: SEVERITY_VI,
  en: { error: 'Error', warning: 'Warning' },
};

/** How many errors and warnings. */
export function countFindings(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const f of findings) if (f.severity === 'error') errors++;
  return { errors, warnings: findings.length - errors };
}

/** `SoLieu!E7`, `ThongTin`, or '' when the finding is about the whole file. */
export function findingPlace(f: Finding): string {
  if (f.sheet === undefined) return escapeControls(f.cell ?? '');
  return escapeControls(f.cell === undefined ? f.sheet : `${f.sheet}!${f.cell}`);
}

/** A finding's message in `lang`, on one line: names and values it quotes from a file cannot break the line or drive the terminal. */
export function findingMessage(f: Finding, lang: Lang): string {
  return escapeControls(lang === 'en' ? f.message_en : f.message_vi);
}

/**
 * Findings as aligned lines: severity, place, message; errors first, then
 * in the order they were found (which follows the sheet).
 */
export function formatFindings(findings: readonly Finding[], lang: Lang, indent = '  '): string {
  const sorted = [...findings.filter((f) => f.severity === 'error'), ...findings.filter((f) => f.severity !== 'error')];
  const sevWidth = Math.max(...Object.values(SEVERITY[lang]).map((s) => s.length)) + 2;
  const placeWidth = Math.min(14, Math.max(0, ...sorted.map((f) => findingPlace(f).length))) + 2;
  return sorted
    .map((f) => `${indent}${SEVERITY[lang][f.severity].padEnd(sevWidth)}${findingPlace(f).padEnd(placeWidth)}${findingMessage(f, lang)}\n`)
    .join('');
}

/** `2 lỗi, 1 cảnh báo` / `không có lỗi, cảnh báo`. */
export function countsText(findings: readonly Finding[], lang: Lang = 'vi'): string {
  const { errors, warnings } = countFindings(findings);
  if (lang === 'en') return errors === 0 && warnings === 0 ? 'no errors or warnings' : `${errors} error(s), ${warnings} warning(s)`;
  if (errors === 0 && warnings === 0) return 'không có lỗi, cảnh báo';
  return `${errors} lỗi, ${warnings} cảnh báo`;
}

/** A finding as `--json` writes it: stable keys, both wordings. */
export function findingJson(f: Finding): Record<string, unknown> {
  return {
    code: f.code,
    severity: f.severity,
    file: f.file ?? null,
    unitCode: f.unitCode ?? null,
    sheet: f.sheet ?? null,
    cell: f.cell ?? null,
    params: f.params,
    message_vi: f.message_vi,
    message_en: f.message_en,
  };
}
