import { MAIN_NS, XML_DECLARATION } from './style-table';
import { xmlText } from './xml-text';

/**
 * The shared strings table: each distinct text written once, cells refer to
 * it by index. Texts are given as Excel stores them (see `excelCellText`).
 *
 * @example const t = new SharedStrings(); t.index('Xã A') // 0
 */
export class SharedStrings {
  private readonly byText = new Map<string, number>();
  private readonly texts: string[] = [];
  private uses = 0;

  /** The index of a text, added on first use. */
  index(text: string): number {
    this.uses++;
    let i = this.byText.get(text);
    if (i === undefined) {
      i = this.texts.length;
      this.texts.push(text);
      this.byText.set(text, i);
    }
    return i;
  }

  /** The shared strings part (`xl/sharedStrings.xml`). */
  xml(): string {
    let out = `${XML_DECLARATION}<sst xmlns="${MAIN_NS}" count="${this.uses}" uniqueCount="${this.texts.length}">`;
    for (const t of this.texts) {
      // Excel drops leading and trailing spaces and line breaks unless told to keep them.
      out += /^\s|\s$/.test(t) ? `<si><t xml:space="preserve">${xmlText(t)}</t></si>` : `<si><t>${xmlText(t)}</t></si>`;
    }
    return `${out}</sst>`;
  }
}
