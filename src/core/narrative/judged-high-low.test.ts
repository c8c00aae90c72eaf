import { FORM_4PHU_2024 } from '../forms/form-4phu-2024';
import { rankedEntries } from '../indicators/top-bottom';
import { judgedHighLow, nhanXetSentence } from './nhan-xet-sentence';

describe('the notice’s judgement of tốt / chưa tốt', () => {
  it('never calls a unit at or above its target chưa tốt, however low it ranks', () => {
    // Every village above target: the last one (129,69%) is the lowest, not "chưa tốt".
    const entries = rankedEntries(['A', 'B', 'C'], [2.1, 1.6, 1.2969]);
    expect(judgedHighLow(entries, 2, { goal: 1, whole: 1.6 })).toEqual({ high: [entries[0], entries[1]], low: [] });
    expect(nhanXetSentence(['Thôn 1', 'Thôn 2', 'Thôn 3'], [210, 160, 12969], [100, 100, 10000], 1)).toBe('Đơn vị thực hiện tốt: Thôn 1 (210/100 đạt 210,00%).');
  });

  it('below target, calls tốt who is at or above the whole’s rate and chưa tốt the others', () => {
    const entries = rankedEntries(['A', 'B', 'C', 'D'], [0.9, 0.7, 0.5, 0.3]);
    const { high, low } = judgedHighLow(entries, 2, { goal: 1, whole: 0.6 });
    expect(high.map((e) => e.name)).toEqual(['A', 'B']);
    expect(low.map((e) => e.name)).toEqual(['C', 'D']);
    // At the whole's rate counts as tốt: with two equal units nobody is chưa tốt.
    expect(nhanXetSentence(['X', 'Y'], [1, 1], [10, 10], 1)).toBe('Đơn vị thực hiện tốt: X (1/10 đạt 10,00%).');
  });

  it('reads the goal from the form (default 100%)', () => {
    expect(FORM_4PHU_2024.indicators.every((i) => i.goal === 1)).toBe(true);
  });
});
