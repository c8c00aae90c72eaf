import { terminalSafeIo, type CliIo } from './cli-io';
import { escapeControls } from './terminal-text';

describe('escapeControls', () => {
  it('shows ESC, OSC 52, BEL, CR, DEL and C1 controls as \\u escapes', () => {
    expect(escapeControls('a\u001b]52;c;ZXZpbA==\u0007b')).toBe('a\\u001b]52;c;ZXZpbA==\\u0007b');
    expect(escapeControls('x\ry\u007fz\u009b2J\u0085')).toBe('x\\u000dy\\u007fz\\u009b2J\\u0085');
    expect(escapeControls('tên\u202eFDP.xlsx')).toBe('tên\\u202eFDP.xlsx');
  });

  it('leaves Vietnamese text alone and keeps line feeds and tabs only when asked', () => {
    expect(escapeControls('Xã Phước Tín (25216)')).toBe('Xã Phước Tín (25216)');
    expect(escapeControls('a\nb\tc')).toBe('a\\u000ab\\u0009c');
    expect(escapeControls('a\nb\tc\u001b', { keepLines: true })).toBe('a\nb\tc\\u001b');
  });

  it('keeps JSON valid and equal in value', () => {
    const value = { file: 'x\u0085\u009b\u2028.xlsx' };
    const text = escapeControls(JSON.stringify(value), { keepLines: true });
    expect(text).not.toMatch(/[\u0080-\u009f\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('terminalSafeIo', () => {
  function captured(isTTY: boolean): { io: CliIo; out: () => string; err: () => string } {
    let out = '';
    let err = '';
    const io = terminalSafeIo({ stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s), isTTY }, cwd: '/', env: {} });
    return { io, out: () => out, err: () => err };
  }

  it('escapes everything both streams print, lines kept', () => {
    const c = captured(false);
    c.io.stdout.write('tệp \u001b[2Kx.xlsx: hợp lệ\n');
    c.io.stderr.write('Lỗi: \u0007\r\n');
    expect(c.out()).toBe('tệp \\u001b[2Kx.xlsx: hợp lệ\n');
    expect(c.err()).toBe('Lỗi: \\u0007\\u000d\n');
    expect(c.io.stderr.isTTY).toBe(false);
  });

  it('lets only the status line rewrite the terminal line, around escaped text', () => {
    const c = captured(true);
    c.io.stderr.statusLine?.('Đang đọc 1/2 \u001b]52;c;eA==\u0007');
    c.io.stderr.statusLine?.('');
    expect(c.err()).toBe('\rĐang đọc 1/2 \\u001b]52;c;eA==\\u0007\u001b[K\r\u001b[K');
  });
});
