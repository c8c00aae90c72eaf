import { completenessRows, type CompletenessRow } from '../../core/campaign/completeness-table';
import type { ChildStatus, Consolidation } from '../../core/consolidate/consolidation';
import { formatDateVi } from '../../core/format/iso-date';
import { formatPercentVi } from '../../core/format/format-number-vi';
import { el } from './dom';
import { message, type Lang, type MessageKey } from './i18n';

const STATUS_KEY: Readonly<Record<ChildStatus, MessageKey>> = { on_time: 'statusOnTime', late: 'statusLate', missing: 'statusMissing', invalid: 'statusInvalid' };

/**
 * Completeness at a glance after a consolidation: submitted x/y, on time,
 * late, missing and invalid for each child unit and in total (what the
 * `TinhHinhNop` sheet holds), each unit's standing named and coloured.
 */
export function completenessView(lang: Lang, c: Consolidation): HTMLElement {
  const t = (k: MessageKey, p?: Record<string, string | number>): string => message(lang, k, p);
  const { rows, total } = completenessRows(c);
  const counts = (r: CompletenessRow): HTMLElement[] => [
    el('td', { class: 'phu-num' }, `${String(r.submitted)}/${String(r.expected)}`),
    el('td', { class: 'phu-num' }, r.onTime),
    el('td', { class: 'phu-num' }, r.late),
    el('td', { class: 'phu-num' }, r.missing),
    el('td', { class: 'phu-num' }, r.invalid),
  ];
  // English mode writes 28.57%, Vietnamese 28,57%.
  const rate = (x: number | null): string => (x === null ? '–' : lang === 'vi' ? formatPercentVi(x) : `${(x * 100).toFixed(2)}%`);
  return el(
    'div',
    { class: 'phu-completeness', 'data-testid': 'completeness' },
    el('h3', { class: 'phu-group-title' }, t('completenessTitle')),
    el('p', { class: 'phu-note', 'data-testid': 'completeness-total' }, `${t('completenessTotal', { submitted: total.submitted, expected: total.expected, onTime: total.onTime, late: total.late, missing: total.missing, invalid: total.invalid })}`),
    el('p', { class: 'phu-hint', 'data-testid': 'completeness-rates' }, t('completenessRates', { submitted: rate(total.submittedRate), onTime: rate(total.onTimeRate) })),
    el(
      'table',
      { class: 'phu-table' },
      el('thead', {}, el('tr', {}, ...(['colUnit', 'colSubmitted', 'colOnTime', 'colLate', 'colMissing', 'colInvalid'] as const).map((k) => el('th', {}, t(k))))),
      el(
        'tbody',
        {},
        ...rows.map((r) =>
          el(
            'tr',
            { class: `phu-status-${r.status ?? ''}`, 'data-testid': 'completeness-row', 'data-code': r.code, 'data-status': r.status ?? '' },
            el('td', {}, el('span', { class: 'phu-unit' }, r.name), el('span', { class: 'phu-hint phu-unit-status' }, `${r.status ? t(STATUS_KEY[r.status]) : ''}${r.reportDate ? ` · ${lang === 'vi' ? formatDateVi(r.reportDate) : r.reportDate}` : ''}${r.status === 'invalid' && r.file ? ` · ${r.file}${r.firstError ? `: ${lang === 'en' ? r.firstError.message_en : r.firstError.message_vi}` : ''}` : ''}`)),
            ...counts(r),
          ),
        ),
      ),
      el('tfoot', {}, el('tr', { 'data-testid': 'completeness-row', 'data-code': total.code }, el('td', {}, t('totalRow')), ...counts(total))),
    ),
  );
}
