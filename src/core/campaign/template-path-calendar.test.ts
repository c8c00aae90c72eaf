import { FORM_4PHU_2024 } from '../forms/form-4phu-2024';
import { findPeriod } from '../forms/form-periods';
import { parseForm } from '../forms/parse-form';
import { previousPeriodOf } from '../consolidate/previous-figures';
import { previousFolderOf } from './template-path';

const monthly = parseForm({ ...JSON.parse(JSON.stringify(FORM_4PHU_2024)), id: 'DA06-2026', periods: [], calendar: { repeat: 'monthly', first: '2026-01', dueDays: 5 } }).form;

describe('--previous auto with a calendar', () => {
  if (!monthly) throw new Error('fixture form invalid');
  it('finds the folder of the month before, and none before the first month', () => {
    const nov = findPeriod(monthly, '2026-11');
    const jan = findPeriod(monthly, '2026-01');
    if (!nov || !jan) throw new Error('periods');
    expect(previousFolderOf('D:/BaoCao/DA06-2026/2026-11/70 Tỉnh Bình Phước', monthly, nov)).toBe('D:/BaoCao/DA06-2026/2026-10/70 Tỉnh Bình Phước');
    expect(previousFolderOf('D:/BaoCao/DA06-2026/2026-01/70 Tỉnh Bình Phước', monthly, jan)).toBeUndefined();
    expect(previousPeriodOf(monthly, '2026-11')?.label).toBe('Tháng 10/2026');
  });
});
