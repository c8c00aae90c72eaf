import { MESSAGES_EN } from '../findings/messages-en';
import { MESSAGES_VI } from '../findings/messages-vi';
import { explainUnit } from './explain-unit';
import { registryFor } from './unit-maps';

describe('explainUnit', () => {
  const today = registryFor('2025-07-01');
  const before = registryFor('2025-03-01');

  it('names where an abolished commune went, and since when', () => {
    const f = explainUnit(today, '25216', 'Phường Thác Mơ');
    expect(f?.code).toBe('unit_abolished');
    expect(f?.message_vi).toMatch(/^Phường Thác Mơ \(25216\) đã nhập vào Phường Phước Long \(25217\) từ 01\/07\/2025/);
  });

  it('names every successor of a split commune, each as a part', () => {
    const f = explainUnit(today, '00016', 'Phường Ngọc Hà');
    expect(f?.code).toBe('unit_abolished');
    expect((f?.params as Record<string, unknown> | undefined)?.['successors']).toBe('Phường Ba Đình (00004) (một phần), Phường Ngọc Hà (00008) (một phần)');
  });

  it('tells an old unit from the new one that kept its code by the name', () => {
    expect((explainUnit(today, '25217', 'Phường Long Thủy')?.params as Record<string, unknown> | undefined)?.['successors']).toBe('Phường Phước Long (25217)');
    expect(explainUnit(today, '25217', 'Phường Phước Long')).toBeUndefined();
    expect(explainUnit(today, '25217', 'Phước Long')).toBeUndefined();
    expect(explainUnit(today, '25217')).toBeUndefined();
  });

  it('explains a new commune in a period on the old map the other way round', () => {
    const f = explainUnit(before, '25217', 'Phường Phước Long');
    expect(f?.code).toBe('unit_not_yet');
    expect((f?.params as Record<string, unknown> | undefined)?.['predecessors']).toContain('Phường Thác Mơ (25216)');
    expect((f?.params as Record<string, unknown> | undefined)?.['predecessors']).toContain('Phường Long Thủy (25217)');
  });

  it('leaves a code neither map knows to unit_unknown', () => {
    expect(explainUnit(today, '99999')).toBeUndefined();
    expect(explainUnit(before, '99999')).toBeUndefined();
  });

  it('words a new unit the conversion table does not explain in each language, not with Vietnamese in the English', () => {
    const p = { code: '1', name: 'X', predecessors: '', date: '01/07/2025', map: '01/03/2025' };
    expect(MESSAGES_EN.unit_not_yet(p)).toBe('X (1) exists since 01/07/2025 (not in the conversion table): this period uses the unit map of 01/03/2025, before that unit.');
    expect(MESSAGES_VI.unit_not_yet(p)).toContain('(không có trong bảng chuyển đổi)');
  });
});
