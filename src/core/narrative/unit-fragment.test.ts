import { countOf } from './count-of';
import { shortUnitName } from './short-unit-name';
import { countVi, unitFragment } from './unit-fragment';

describe('unitFragment', () => {
  it('writes a unit as the province notice does', () => {
    expect(unitFragment('Phước Long', 579, 837)).toBe('Phước Long (579/837 đạt 69,18%)');
    expect(unitFragment('Bù Đăng', 2258, 1182)).toBe('Bù Đăng (2.258/1.182 đạt 191,03%)');
    expect(unitFragment('Chơn Thành', 12664, 20828)).toBe('Chơn Thành (12.664/20.828 đạt 60,80%)');
    expect(unitFragment('Lộc Ninh', 38287, 37832)).toBe('Lộc Ninh (38.287/37.832 đạt 101,20%)');
  });
  it('shows no rate for 0/0 and a dash for a blank, never an invented number', () => {
    expect(unitFragment('Bù Đốp', 0, 0)).toBe('Bù Đốp (0/0)');
    expect(unitFragment('Bù Đốp', null, 1017)).toBe('Bù Đốp (–/1.017)');
    expect(countVi(Number.NaN)).toBe('–');
  });
});

describe('shortUnitName', () => {
  it('drops the type prefix', () => {
    expect(shortUnitName('Thị xã Phước Long')).toBe('Phước Long');
    expect(shortUnitName('Thành phố Đồng Xoài')).toBe('Đồng Xoài');
    expect(shortUnitName('Huyện  Bù\u00a0Đăng ')).toBe('Bù Đăng');
    expect(shortUnitName('Xã Long Hưng')).toBe('Long Hưng');
    expect(shortUnitName('THỊ TRẤN Tân Phú')).toBe('Tân Phú');
    expect(shortUnitName('TP. Đồng Xoài')).toBe('Đồng Xoài');
  });
  it('keeps the prefix when only a number would remain, and names without one', () => {
    expect(shortUnitName('Phường 1')).toBe('Phường 1');
    expect(shortUnitName('Xã')).toBe('Xã');
    expect(shortUnitName('Bù Gia Mập')).toBe('Bù Gia Mập');
    expect(shortUnitName('Xãi Thạch')).toBe('Xãi Thạch');
  });
});

describe('countOf', () => {
  it('pads below ten as official documents do', () => {
    expect(countOf(9)).toBe('09');
    expect(countOf(0)).toBe('00');
    expect(countOf(11)).toBe('11');
  });
});
