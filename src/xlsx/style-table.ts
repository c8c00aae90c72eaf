import { xmlAttr } from './xml-text';

/** What a cell looks like, as far as PHU's outputs go. */
export interface CellStyle {
  readonly numFmt?: string;
  readonly bold?: boolean;
  /** Wrap text; header cells are also centred. */
  readonly wrap?: boolean;
  readonly header?: boolean;
  /** Editable when the sheet is protected. */
  readonly unlocked?: boolean;
}

/** Flags of `StyleTable.indexOf`. */
export const BOLD = 1;
export const WRAP = 2;
export const HEADER = 4;
export const UNLOCKED = 8;

/** Excel's built-in number formats PHU uses, written by id rather than as custom formats. */
const BUILT_IN: Readonly<Record<string, number>> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10 };
const FIRST_CUSTOM_FORMAT = 164;

/**
 * The cell formats (`cellXfs`) a workbook uses, each written once: cells
 * refer to them by index (`s="3"`). Index 0 is the default (General,
 * regular, locked), so that an unstyled cell needs no attribute.
 *
 * @example const t = new StyleTable(); t.index({ numFmt: '0.00%' }) // 1
 */
export class StyleTable {
  /** Per number format, the style index of each combination of flags (bold, wrap, header, unlocked). */
  private readonly byFormat = new Map<string, Array<number | undefined>>([['', [0]]]);
  private readonly styles: CellStyle[] = [{}];
  private readonly formats = new Map<string, number>();

  /** The index of a style, added on first use. */
  index(style: CellStyle): number {
    return this.indexOf(style.numFmt, (style.bold ? BOLD : 0) | (style.wrap ? WRAP : 0) | (style.header ? HEADER : 0) | (style.unlocked ? UNLOCKED : 0));
  }

  /** `index` by number format and flags (`BOLD | HEADER`...), without building a style first. */
  indexOf(numFmt: string | undefined, flags: number): number {
    const fmt = numFmt ?? '';
    let known = this.byFormat.get(fmt);
    if (!known) this.byFormat.set(fmt, (known = []));
    const found = known[flags];
    if (found !== undefined) return found;
    const i = this.styles.length;
    this.styles.push({
      ...(numFmt !== undefined ? { numFmt } : {}),
      ...(flags & BOLD ? { bold: true } : {}),
      ...(flags & WRAP ? { wrap: true } : {}),
      ...(flags & HEADER ? { header: true } : {}),
      ...(flags & UNLOCKED ? { unlocked: true } : {}),
    });
    known[flags] = i;
    if (numFmt !== undefined && BUILT_IN[numFmt] === undefined && !this.formats.has(numFmt)) {
      this.formats.set(numFmt, FIRST_CUSTOM_FORMAT + this.formats.size);
    }
    return i;
  }

  /** The styles part (`xl/styles.xml`). */
  xml(): string {
    const numFmts = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlAttr(code)}"/>`).join('');
    const font = (bold: boolean): string => `<font>${bold ? '<b/>' : ''}<sz val="11"/><name val="Calibri"/><family val="2"/></font>`;
    const xfs = this.styles.map((s) => this.xf(s)).join('');
    return (
      XML_DECLARATION +
      `<styleSheet xmlns="${MAIN_NS}">` +
      (this.formats.size > 0 ? `<numFmts count="${this.formats.size}">${numFmts}</numFmts>` : '') +
      `<fonts count="2">${font(false)}${font(true)}</fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.styles.length}">${xfs}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0"/>' +
      '</styleSheet>'
    );
  }

  private xf(s: CellStyle): string {
    const numFmtId = s.numFmt === undefined ? 0 : (BUILT_IN[s.numFmt] ?? this.formats.get(s.numFmt) ?? 0);
    let attrs = `numFmtId="${numFmtId}" fontId="${s.bold ? 1 : 0}" fillId="0" borderId="0" xfId="0"`;
    if (numFmtId !== 0) attrs += ' applyNumberFormat="1"';
    if (s.bold) attrs += ' applyFont="1"';
    const alignment = s.header ? '<alignment horizontal="center" vertical="center" wrapText="1"/>' : s.wrap ? '<alignment vertical="top" wrapText="1"/>' : '';
    if (alignment) attrs += ' applyAlignment="1"';
    if (s.unlocked) attrs += ' applyProtection="1"';
    const inner = alignment + (s.unlocked ? '<protection locked="0"/>' : '');
    return inner ? `<xf ${attrs}>${inner}</xf>` : `<xf ${attrs}/>`;
  }
}

/** The SpreadsheetML main namespace. */
export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
/** The declaration every part starts with. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
