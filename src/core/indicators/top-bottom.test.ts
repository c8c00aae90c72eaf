import { rankedEntries, topBottom } from './top-bottom';

const names = ['A', 'B', 'C', 'D', 'E'];

describe('topBottom', () => {
  it('picks the best n, best first', () => {
    expect(topBottom(names, [0.5, 0.9, null, 0.2, 0.7], 2).map((e) => e.name)).toEqual(['B', 'E']);
  });
  it('picks the worst n in rank order, the lowest last', () => {
    const low = topBottom(names, [0.5, 0.9, null, 0.2, 0.7], 2, true);
    expect(low.map((e) => [e.name, e.rank])).toEqual([
      ['A', 3],
      ['D', 4],
    ]);
  });
  it('settles ties by input order, deterministically', () => {
    const v = [0.5, 0.5, 0.5, 0.1, 0.9];
    expect(topBottom(names, v, 2).map((e) => e.name)).toEqual(['E', 'A']);
    expect(topBottom(names, v, 2, true).map((e) => e.name)).toEqual(['C', 'D']);
    expect(topBottom(names, v, 3).map((e) => e.rank)).toEqual([1, 2, 2]);
    expect(topBottom(names, [...v].reverse(), 2).map((e) => e.name)).toEqual(['A', 'C']);
  });
  it('returns fewer when fewer units have a value, none for n <= 0', () => {
    expect(topBottom(names, [null, 0.3, null, null, null], 2)).toEqual([{ index: 1, name: 'B', value: 0.3, rank: 1 }]);
    expect(topBottom(names, [0.1, 0.2], 0)).toEqual([]);
    expect(topBottom(names, [0.1, 0.2], -1, true)).toEqual([]);
  });
  it('ranks every unit with a value', () => {
    expect(rankedEntries(['x', 'y', 'z'], [1, Number.NaN, 1]).map((e) => [e.index, e.rank])).toEqual([
      [0, 1],
      [2, 1],
    ]);
  });
});
