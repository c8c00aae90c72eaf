import { EventEmitter } from 'node:events';
import { exitQuietlyOnClosedPipe } from './cli-io';

const failure = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`write ${code}`), { code });

describe('exitQuietlyOnClosedPipe', () => {
  it('exits, without throwing, when the reader of the pipe has gone (EPIPE)', () => {
    const stdout = new EventEmitter();
    const exit = jest.fn();
    exitQuietlyOnClosedPipe([stdout], exit);
    expect(() => stdout.emit('error', failure('EPIPE'))).not.toThrow();
    expect(exit).toHaveBeenCalledTimes(1);
  });

  it('still throws any other write error', () => {
    const stderr = new EventEmitter();
    const exit = jest.fn();
    exitQuietlyOnClosedPipe([stderr], exit);
    expect(() => stderr.emit('error', failure('ENOSPC'))).toThrow('write ENOSPC');
    expect(exit).not.toHaveBeenCalled();
  });
});
