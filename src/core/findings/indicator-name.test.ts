import { FORMS } from '../forms/form-catalog';
import { createFinding } from './finding';
import { indicatorName } from './indicator-name';

describe('indicatorName', () => {
  it('names an indicator in the language of the message, the finding holding its key', () => {
    expect(indicatorName('ddt', 'en')).toBe('eID account');
    expect(indicatorName('ddt', 'vi')).toBe('Định danh điện tử');
    expect(indicatorName('nope', 'en')).toBe('nope');
    // The shipped forms made themselves known as they were defined.
    expect(FORMS.length).toBeGreaterThan(0);
    const f = createFinding('balance_exceeds', { indicator: 'ddt', sum: 3414, target: 2093 });
    expect(f.message_en).toBe('eID account: done + processed + declined = 3414, more than the target 2093.');
    expect(f.message_vi.startsWith('Định danh điện tử: ')).toBe(true);
  });
});
