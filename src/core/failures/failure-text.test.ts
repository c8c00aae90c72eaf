import { DriveError } from '../ports/drive';
import { FAILURE_CODES, failure } from './failure-codes';
import { FAILURE_MESSAGES_EN, FAILURE_MESSAGES_VI, errorText, failureText } from './failure-text';

describe('failure wording', () => {
  it('words every code in both languages, naming each parameter', () => {
    for (const [code, params] of Object.entries(FAILURE_CODES)) {
      const p = Object.fromEntries(params.map((k) => [k, `«${k}»`]));
      for (const table of [FAILURE_MESSAGES_VI, FAILURE_MESSAGES_EN]) {
        const text = (table[code as keyof typeof FAILURE_CODES] as (x: typeof p) => string)(p);
        for (const k of params) expect(text).toContain(`«${k}»`);
      }
    }
  });

  it('words every code in English without Vietnamese prose (only the example units unit_unknown names are data)', () => {
    const vietnamese = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
    const examples = ['Bình Phước', 'Phước Long', 'Đồng Nai'];
    for (const [code, params] of Object.entries(FAILURE_CODES)) {
      const p = Object.fromEntries(params.map((k) => [k, `«${k}»`]));
      let text = (FAILURE_MESSAGES_EN[code as keyof typeof FAILURE_CODES] as (x: typeof p) => string)(p);
      for (const name of examples) text = text.split(name).join('');
      expect([code, text]).not.toEqual([code, expect.stringMatching(vietnamese)]);
      // Each Vietnamese wording is a different sentence: a code never falls back to the other language.
      expect((FAILURE_MESSAGES_VI[code as keyof typeof FAILURE_CODES] as (x: typeof p) => string)(p)).not.toBe(text);
    }
  });

  it('a drive error carries its failure: Vietnamese message, worded again by language at the edge', () => {
    const err = new DriveError('not_found', failure('not_found', { path: 'TK/688' }));
    expect(err.message).toBe('Không tìm thấy "TK/688".');
    expect(errorText(err, 'en')).toBe('"TK/688" was not found.');
    expect(failureText(failure('too_large', { path: 'a.xlsx', bytes: 30, limit: 20 }), 'vi')).toBe('"a.xlsx" quá lớn (30 byte, giới hạn 20 byte).');
    // An error without a failure keeps its message in every language.
    expect(errorText(new DriveError('auth', 'hết phiên'), 'en')).toBe('hết phiên');
  });
});
