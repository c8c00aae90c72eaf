import { readDeadlineMs } from './read-deadline';
import { DEFAULT_READ_DEADLINE_MS } from './worker-reader';

describe('readDeadlineMs', () => {
  it('takes seconds from the address, decimals allowed', () => {
    expect(readDeadlineMs('?deadline=2.5')).toBe(2500);
    expect(readDeadlineMs('?lang=vi&deadline=10')).toBe(10_000);
  });

  it('keeps the default for no value, zero, a negative or a word', () => {
    for (const search of ['', '?deadline=', '?deadline=0', '?deadline=-3', '?deadline=abc', '?deadline=Infinity']) expect(readDeadlineMs(search)).toBe(DEFAULT_READ_DEADLINE_MS);
  });
});
