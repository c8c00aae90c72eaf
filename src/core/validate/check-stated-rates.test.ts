import { FORM_4PHU_2024 } from '../forms/form-4phu-2024';
import { renderSubmission } from '../render/render-submission';
import { nationalRegistry } from '../units/national-registry';
import { cellFor, communeData, getCell, setCell, setCells } from '../../../test/support/submission-fixtures';
import { validateSubmission } from './validate-submission';
import type { ValidationResult } from './validation-context';

const form = FORM_4PHU_2024;
const registry = nationalRegistry();
const where = (r: ValidationResult): string[] => r.findings.map((f) => `${f.code} ${f.severity} ${f.sheet ?? ''}!${f.cell ?? ''}`);
// Rates PHU writes are exact: the total row's are there, the villages' are blank.
const book = renderSubmission(form, communeData(), { withComputed: true });
const rateAt = cellFor(form, 'SoLieu', 'cccd_rate', 8);
const rateRow4 = cellFor(form, 'SoLieu', 'cccd_rate', 4);
const check = (address: string, value: number | string): ValidationResult => validateSubmission(setCell(book, 'SoLieu', address, value), { form, registry });

describe('checkStatedRates', () => {
  const exact = getCell(book, 'SoLieu', rateAt) as number;
  const done = getCell(book, 'SoLieu', cellFor(form, 'SoLieu', 'cccd_done', 8)) as number;
  const target = getCell(book, 'SoLieu', cellFor(form, 'SoLieu', 'cccd_target', 8)) as number;

  it('says nothing about the rates PHU wrote, nor about one rounded to whole percents', () => {
    expect(validateSubmission(book, { form, registry }).findings).toEqual([]);
    expect(check(rateAt, Math.round(exact * 100) / 100).findings).toEqual([]);
    expect(check(rateAt, 'bảy mươi phần trăm').findings).toEqual([]);
  });

  it('warns about a typed rate the figures do not give, naming both', () => {
    const r = check(rateAt, exact + 0.02);
    expect(where(r)).toEqual([`rate_stated_wrong warning SoLieu!${rateAt}`]);
    expect(r.findings[0]?.params).toMatchObject({ indicator: 'Căn cước công dân', done, target });
    expect(r.ok).toBe(true);
  });

  it('warns about 100% for an unfinished job and 0% for a started one, however close', () => {
    const nearlyAll = setCells(book, 'SoLieu', { [rateRow4]: 1 });
    expect(where(validateSubmission(nearlyAll, { form, registry }))).toEqual([`rate_stated_wrong warning SoLieu!${rateRow4}`]);
    const tiny = setCells(book, 'SoLieu', { [rateRow4]: 0 });
    expect(where(validateSubmission(tiny, { form, registry }))).toEqual([`rate_stated_wrong warning SoLieu!${rateRow4}`]);
  });

  it('warns about any rate where there is none: no target, or a blank', () => {
    const noTarget = setCells(book, 'SoLieu', { D4: 0, E4: 0, F4: 0, G4: 0, [rateRow4]: 0 });
    const totals = { D8: (getCell(noTarget, 'SoLieu', 'D8') as number) - (getCell(book, 'SoLieu', 'D4') as number) };
    const r = validateSubmission(setCells(noTarget, 'SoLieu', totals), { form, registry });
    // The total row's rate, written for the old figures, is stale as well.
    expect(where(r).filter((w) => w.startsWith('rate'))).toEqual([`rate_without_base warning SoLieu!${rateRow4}`, `rate_stated_wrong warning SoLieu!${rateAt}`]);
    expect(r.findings.find((f) => f.code === 'rate_without_base')?.message_vi).toBe(
      'Căn cước công dân: tỷ lệ ghi 0,00%, nhưng 0/0 không có tỷ lệ (không có số để chia): hãy để trống, không ghi 0% hay 100%.',
    );
  });
});
