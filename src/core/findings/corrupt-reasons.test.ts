import { CORRUPT_REASONS, corruptParams, corruptReasonText, quotedError, type CorruptReason } from './corrupt-reasons';
import { createFinding } from './finding';

/** Every letter with a Vietnamese diacritic, in both cases. */
const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/iu;

const reasons = Object.keys(CORRUPT_REASONS) as CorruptReason[];

describe('CORRUPT_REASONS', () => {
  it.each(reasons)('%s is worded in Vietnamese and in English, the English without a Vietnamese letter', (reason) => {
    for (const [part, extra] of [
      ['xl/worksheets/sheet1.xml', 'U+0001'],
      ['', ''],
    ] as const) {
      const vi = corruptReasonText(reason, part, extra, 'vi');
      const en = corruptReasonText(reason, part, extra, 'en');
      expect(vi.length).toBeGreaterThan(5);
      expect(en.length).toBeGreaterThan(5);
      expect(en).not.toBe(vi);
      expect([reason, en]).not.toEqual([reason, expect.stringMatching(VIETNAMESE)]);
      const finding = createFinding('file_corrupt', corruptParams({ reason, part, extra }));
      expect([reason, finding.message_en]).not.toEqual([reason, expect.stringMatching(VIETNAMESE)]);
      expect(finding.message_vi.startsWith('Tệp bị hỏng hoặc không đầy đủ (')).toBe(true);
    }
  });

  it('names the part and quotes the extra value where they are given', () => {
    expect(corruptReasonText('xml_char_forbidden', 'xl/sharedStrings.xml', 'U+FFFF', 'en')).toBe('part "xl/sharedStrings.xml": a character XML does not allow: U+FFFF');
    expect(corruptReasonText('xml_char_forbidden', 'xl/sharedStrings.xml', 'U+FFFF', 'vi')).toBe('phần "xl/sharedStrings.xml": ký tự không được phép trong XML: U+FFFF');
    expect(corruptReasonText('sheet_part_missing', 'SoLieu', '', 'en')).toBe('the part holding sheet "SoLieu" is missing');
  });

  it('shows a reason that is not a code as it is', () => {
    expect(corruptReasonText('zip', '', '', 'en')).toBe('zip');
  });

  it('quotes a library error without control or direction characters, on one line, at most 160 characters', () => {
    expect(quotedError(new Error('Bad\r\nrecord\u202e\u0007 at 0x10  '))).toBe('Bad record at 0x10');
    expect(quotedError('x'.repeat(500))).toHaveLength(160);
    expect(quotedError(42)).toBe('42');
  });
});
