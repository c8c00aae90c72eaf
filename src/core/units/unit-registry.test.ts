import { nationalRegistry } from './national-registry';
import { UnitRegistry } from './unit-registry';

describe('UnitRegistry', () => {
  const reg = nationalRegistry();

  it('holds the whole catalogue under the country root', () => {
    expect(reg.atLevel('tinh')).toHaveLength(63);
    expect(reg.atLevel('huyen')).toHaveLength(691);
    expect(reg.atLevel('xa')).toHaveLength(10047);
    expect(reg.children('70').map((u) => u.shortName)).toContain('Phước Long');
    expect(reg.children('688')).toHaveLength(7);
  });

  it('restores leading zeros Excel dropped, at the level asked for', () => {
    expect(reg.getAt('4', 'xa')?.code).toBe('00004');
    expect(reg.getAt('4', 'tinh')?.code).toBe('04');
    expect(reg.getAt('1', 'huyen')?.code).toBe('001');
    expect(reg.getAt('25216', 'huyen')).toBeUndefined();
  });

  it('forgives spaces and non-breaking spaces in codes', () => {
    expect(reg.get('\u00a025216 ')?.name).toBe('Phường Thác Mơ');
  });

  it('keeps the prefix of numbered wards as their short name', () => {
    const numbered = reg.atLevel('xa').find((u) => /^Phường \d+$/.test(u.name));
    expect(numbered?.shortName).toBe(numbered?.name);
  });

  it('rejects a unit at a level the registry does not have, and duplicate codes', () => {
    expect(() => new UnitRegistry({ levels: ['tinh', 'xa'], units: [{ code: '1', name: 'A', shortName: 'A', level: 'huyen' }] })).toThrow(/unknown level/);
    const u = { code: '1', name: 'A', shortName: 'A', level: 'tinh' };
    expect(() => new UnitRegistry({ levels: ['tinh'], units: [u, u] })).toThrow(/twice/);
  });
});
