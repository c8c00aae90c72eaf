import { FORM_4PHU_2024 } from '../core/forms/form-4phu-2024';
import { nationalRegistry } from '../core/units/national-registry';
import { conventionFileName, pushTarget } from './push-target';

const registry = nationalRegistry();

describe('pushTarget', () => {
  it('sends a district up into its province’s folder of the period, named after the district', () => {
    expect(pushTarget(FORM_4PHU_2024, registry, '688', 'd1')).toEqual({ folder: '4PHU-2024/D1/70 Tỉnh Bình Phước', name: '688 Thị xã Phước Long.xlsx' });
    expect(pushTarget(FORM_4PHU_2024, registry, '25216', 'D2')).toEqual({ folder: '4PHU-2024/D2/688 Thị xã Phước Long', name: '25216 Phường Thác Mơ.xlsx' });
  });

  it('has no target for a code or period it does not know', () => {
    expect(pushTarget(FORM_4PHU_2024, registry, '99999999', 'D1')).toBeUndefined();
    expect(pushTarget(FORM_4PHU_2024, registry, '688', 'D9')).toBeUndefined();
  });
});

describe('conventionFileName', () => {
  it('keeps Vietnamese names and removes what a drive refuses', () => {
    expect(conventionFileName('25216', 'Phường Thác Mơ')).toBe('25216 Phường Thác Mơ.xlsx');
    expect(conventionFileName('25216', 'Phu\u031Bo\u031Bng  A/B: "C"? ')).toBe('25216 Phương A_B_ _C__.xlsx');
    expect(conventionFileName('1', 'x...')).toBe('1 x.xlsx');
  });
});
