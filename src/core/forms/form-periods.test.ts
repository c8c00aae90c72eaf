import { addDays, findPeriod, isRealDate, listPeriods, periodsHint, previousPeriod } from './form-periods';
import type { CalendarDef, PeriodDef } from './form-schema';

const withCalendar = (calendar: CalendarDef, periods: PeriodDef[] = []) => ({ periods, calendar });

describe('repeating calendars', () => {
  const monthly = withCalendar({ repeat: 'monthly', first: '2026-01', last: '2026-12', dueDays: 5 });

  it('resolves a month: its dates, Vietnamese label and due date', () => {
    expect(findPeriod(monthly, '2026-11')).toEqual({ id: '2026-11', label: 'Tháng 11/2026', from: '2026-11-01', to: '2026-11-30', due: '2026-12-05' });
    expect(findPeriod(monthly, '2026-02')).toMatchObject({ to: '2026-02-28', due: '2026-03-05' });
    expect(findPeriod(monthly, '2026-12')).toMatchObject({ to: '2026-12-31', due: '2027-01-05' });
  });

  it('refuses ids outside the calendar or of another kind', () => {
    expect(findPeriod(monthly, '2025-12')).toBeUndefined();
    expect(findPeriod(monthly, '2027-01')).toBeUndefined();
    expect(findPeriod(monthly, '2026-13')).toBeUndefined();
    expect(findPeriod(monthly, '2026-Q4')).toBeUndefined();
    expect(findPeriod(monthly, 'D1')).toBeUndefined();
  });

  it('resolves quarters and years with Roman numerals and leap days', () => {
    const q = withCalendar({ repeat: 'quarterly', first: '2026-Q1', dueDays: 10 });
    expect(findPeriod(q, '2026-q4')).toEqual({ id: '2026-Q4', label: 'Quý IV/2026', from: '2026-10-01', to: '2026-12-31', due: '2027-01-10' });
    expect(findPeriod(q, '2031-Q1')).toMatchObject({ label: 'Quý I/2031', to: '2031-03-31' });
    const y = withCalendar({ repeat: 'yearly', first: '2024', last: '2030', dueDays: 15 });
    expect(findPeriod(y, '2028')).toEqual({ id: '2028', label: 'Năm 2028', from: '2028-01-01', to: '2028-12-31', due: '2029-01-15' });
    expect(findPeriod(withCalendar({ repeat: 'monthly', first: '2028-01', dueDays: 0 }), '2028-02')?.to).toBe('2028-02-29');
  });

  it('counts cumulative figures from countFrom', () => {
    const cum = withCalendar({ repeat: 'monthly', first: '2026-01', countFrom: '2026-01-01', dueDays: 3 });
    expect(findPeriod(cum, '2026-11')).toMatchObject({ from: '2026-01-01', to: '2026-11-30', due: '2026-12-03' });
  });

  it('gives the period before, none before the first, across years', () => {
    expect(previousPeriod(monthly, '2026-11')?.id).toBe('2026-10');
    expect(previousPeriod(monthly, '2026-01')).toBeUndefined();
    const q = withCalendar({ repeat: 'quarterly', first: '2025-Q1', dueDays: 10 });
    expect(previousPeriod(q, '2026-Q1')?.id).toBe('2025-Q4');
    expect(previousPeriod(withCalendar({ repeat: 'yearly', first: '2024', dueDays: 1 }), '2026')?.id).toBe('2025');
  });

  it('keeps listed periods first and in their order', () => {
    const both = withCalendar({ repeat: 'monthly', first: '2026-01', last: '2026-03', dueDays: 5 }, [{ id: 'TK', label: 'Tổng kết', from: '2025-01-01', to: '2025-12-31', due: '2026-01-10' }]);
    expect(listPeriods(both).map((p) => p.id)).toEqual(['TK', '2026-01', '2026-02', '2026-03']);
    expect(previousPeriod(both, 'TK')).toBeUndefined();
    expect(periodsHint(both)).toContain('hằng tháng');
    expect(listPeriods(withCalendar({ repeat: 'monthly', first: '2026-01', dueDays: 5 }), 4)).toHaveLength(4);
  });
});

describe('dates', () => {
  it('adds days across months and years, and knows real dates', () => {
    expect(addDays('2026-11-30', 5)).toBe('2026-12-05');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(isRealDate('2026-02-29')).toBe(false);
    expect(isRealDate('2028-02-29')).toBe(true);
    expect(isRealDate('30/11/2026')).toBe(false);
  });
});
