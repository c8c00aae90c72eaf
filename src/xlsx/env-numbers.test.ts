import { envNumbers } from './env-numbers';

const TABLE = { timeoutMs: { name: 'A_SECONDS', unit: 1000 }, cells: { name: 'A_CELLS', unit: 1 } } as const;

describe('envNumbers', () => {
  it('reads each set value times its unit, a comma as the decimal point', () => {
    expect(envNumbers(TABLE, { A_SECONDS: ' 2,5 ', A_CELLS: '40000' })).toEqual({ values: { timeoutMs: 2500, cells: 40000 }, invalid: [] });
  });

  it('names the values that are not positive numbers and leaves unset ones out', () => {
    expect(envNumbers(TABLE, { A_SECONDS: '-1', A_CELLS: 'many' })).toEqual({ values: {}, invalid: ['A_SECONDS', 'A_CELLS'] });
    expect(envNumbers(TABLE, { A_SECONDS: '' })).toEqual({ values: {}, invalid: [] });
  });
});
