import { FORM_4PHU_2024 } from '../../../src/core/forms/form-4phu-2024';
import type { OutputBook } from '../../../src/core/grid/output-book';
import { renderSubmission } from '../../../src/core/render/render-submission';
import type { SubmissionDataRow } from '../../../src/core/submission/submission-data';
import type { UnitRegistry } from '../../../src/core/units/unit-registry';
import { balancedRow, infoFor, reasonRows } from '../submission-fixtures';

/** What a commune's submission holds, beyond its unit. */
export interface CommuneReportOptions {
  /** Figures of the villages (see `balancedRow`). */
  readonly seed: number;
  /** `D1` (default) or a later period of 4PHU-2024. */
  readonly period?: string;
  /** Citizens moved from "chưa có nhu cầu" to done in each village (negative: done goes down). */
  readonly shift?: number;
  /** `yyyy-mm-dd`; default the day after the period ends. */
  readonly reportDate?: string;
}

/**
 * A consistent 4PHU-2024 submission of a commune with three villages, for
 * the add-in's tests of a campaign (one period after another, a figure
 * going down, a late file). Every row balances; LyDo sums to the totals.
 */
export function communeReport(registry: UnitRegistry, code: string, opts: CommuneReportOptions): OutputBook {
  const unit = registry.get(code);
  const period = FORM_4PHU_2024.periods.find((p) => p.id === (opts.period ?? 'D1'));
  if (!unit || !period) throw new Error(`fixture: ${code} ${opts.period ?? 'D1'}`);
  const shift = opts.shift ?? 0;
  const villages: SubmissionDataRow[] = [1, 2, 3].map((i) => {
    const row = balancedRow(`KP${String(i)}`, `Khu phố ${String(i)}`, opts.seed + i);
    const v = row.values;
    return { ...row, values: { ...v, cccd_done: (v.cccd_done ?? 0) + shift, cccd_declined: (v.cccd_declined ?? 0) - shift } };
  });
  const sum = (k: string): number => villages.reduce((s, r) => s + (r.values[k] ?? 0), 0);
  const next = new Date(`${period.to}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const info = { ...infoFor(unit.level, unit.code, unit.name, unit.parentCode ?? ''), period: period.id, period_from: period.from, period_to: period.to, report_date: opts.reportDate ?? next.toISOString().slice(0, 10) };
  return renderSubmission(FORM_4PHU_2024, { info, tables: { SoLieu: villages, LyDo: reasonRows(sum('cccd_processed'), sum('ddt_processed')) } });
}
