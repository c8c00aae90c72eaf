import fc from 'fast-check';
import { competitionRank } from './competition-rank';

describe('competitionRank', () => {
  it('ranks highest first with shared ranks that skip (1, 2, 2, 4)', () => {
    expect(competitionRank([0.9, 0.5, 0.5, 0.1])).toEqual([1, 2, 2, 4]);
    expect(competitionRank([0.5, 0.9, 0.5, 0.1])).toEqual([2, 1, 2, 4]);
    expect(competitionRank([1, 1, 1])).toEqual([1, 1, 1]);
  });
  it('leaves blanks, NaN and infinities unranked without taking a place', () => {
    expect(competitionRank([null, 0.4, undefined, 0.7, Number.NaN, 0.4, Number.POSITIVE_INFINITY])).toEqual([null, 2, null, 1, null, 2, null]);
    expect(competitionRank([])).toEqual([]);
    expect(competitionRank([null, undefined])).toEqual([null, null]);
  });
  it('ranks lowest first with asc', () => {
    expect(competitionRank([3, 1, 2, 1], 'asc')).toEqual([4, 1, 3, 1]);
  });
  it('matches the definition: 1 + how many values are strictly better', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: -5, max: 5 }), { nil: null }), { maxLength: 40 }), fc.boolean(), (xs, asc) => {
        const got = competitionRank(xs, asc ? 'asc' : 'desc');
        xs.forEach((x, i) => {
          if (x === null) expect(got[i]).toBeNull();
          else expect(got[i]).toBe(1 + xs.filter((y) => y !== null && (asc ? y < x : y > x)).length);
        });
      }),
    );
  });
  it('handles a column of 100,000 cells', () => {
    const xs = Array.from({ length: 100_000 }, (_, i) => (i % 10 === 0 ? null : (i * 7919) % 1000));
    const r = competitionRank(xs);
    expect(r[0]).toBeNull();
    expect(Math.min(...r.filter((x): x is number => x !== null))).toBe(1);
    const best = xs.indexOf(999);
    expect(r[best]).toBe(1);
  });
});

describe('competitionRank edge values', () => {
  it('treats -0 and 0 as equal and ranks negative values', () => {
    expect(competitionRank([0, -0, -1, 2])).toEqual([2, 2, 4, 1]);
    expect(competitionRank([0, -0, -1, 2], 'asc')).toEqual([2, 2, 1, 4]);
  });
});
