import type { CellRange } from '../../../../src/core/grid/output-book';
import { cols, eachCell, rows, type Area } from './area';
import { fail, jsonBytes, type FakeClientObject, type FakeRequestContextBase } from './fake-client';
import { FakeConditionalFormatCollection } from './fake-conditional-formats';
import { FakeDataValidation } from './fake-data-validation';
import { intersects, MAX_COLUMNS, MAX_ROWS, quoteSheetName, rangeAddress, type FakeSheet } from './fake-model';
import { FakeRangeFormat } from './fake-range-format';
import { FakeRefObject, Ref } from './fake-ref-object';
import type { FakeRequestContext } from './fake-request-context';
import { coerceInput, evaluateFormula, outputValue, valueType } from './fake-values';

/** Cells a single read may return; Excel refuses far smaller ones on the web anyway. */
const MAX_READ_CELLS = 5_000_000;

export class FakeRange extends FakeRefObject<Area> {
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: FakeConditionalFormatCollection;
  readonly dataValidation: FakeDataValidation;

  constructor(
    readonly ctx: FakeRequestContext,
    ref: Ref<Area>,
    nullCheck?: () => boolean,
  ) {
    super(ctx, ref, nullCheck);
    this.format = new FakeRangeFormat(ctx, ref);
    this.conditionalFormats = new FakeConditionalFormatCollection(ctx, new Ref(() => ({ sheet: ref.get().sheet, areas: [ref.get().area] })));
    this.dataValidation = new FakeDataValidation(ctx, ref);
  }

  /** The sheet and area this range stands for (binds it when first needed). */
  resolve(): Area {
    return this.ref.get();
  }

  protected override scalarNames(): readonly string[] {
    return ['address', 'addressLocal', 'rowCount', 'columnCount', 'rowIndex', 'columnIndex', 'values', 'valueTypes', 'formulas', 'numberFormat', 'text', 'columnHidden', 'rowHidden'];
  }

  private grid<T>(f: (sheet: FakeSheet, r: number, c: number) => T): T[][] {
    const { sheet, area } = this.ref.get();
    if (rows(area) * cols(area) > MAX_READ_CELLS) fail('RangeExceedsLimit', 'The range is too large to read.');
    const out: T[][] = [];
    for (let r = area.top; r <= area.bottom; r++) {
      const row: T[] = [];
      for (let c = area.left; c <= area.right; c++) row.push(f(sheet, r, c));
      out.push(row);
    }
    return out;
  }

  protected override readScalar(name: string): unknown {
    const { sheet, area } = this.ref.get();
    switch (name) {
      case 'address':
      case 'addressLocal':
        return `${quoteSheetName(sheet.name)}!${rangeAddress(area)}`;
      case 'rowCount':
        return rows(area);
      case 'columnCount':
        return cols(area);
      case 'rowIndex':
        return area.top;
      case 'columnIndex':
        return area.left;
      case 'values':
        return this.grid((s, r, c) => outputValue(s.value(r, c)));
      case 'valueTypes':
        return this.grid((s, r, c) => valueType(s.value(r, c)));
      case 'formulas':
        return this.grid((s, r, c) => s.formula(r, c) ?? outputValue(s.value(r, c)));
      case 'numberFormat':
        return this.grid((s, r, c) => s.numberFormat(r, c));
      case 'text':
        return this.grid((s, r, c) => String(outputValue(s.value(r, c))));
      case 'columnHidden':
        return sheet.hiddenColumns.has(area.left);
      default:
        return sheet.hiddenRows.has(area.top);
    }
  }

  protected override navigation(name: string): FakeClientObject | undefined {
    if (name === 'format') return this.format;
    if (name === 'dataValidation') return this.dataValidation;
    if (name === 'conditionalFormats') return this.conditionalFormats;
    return undefined;
  }

  get address(): string {
    return this.loadedValue('address');
  }
  get rowCount(): number {
    return this.loadedValue('rowCount');
  }
  get columnCount(): number {
    return this.loadedValue('columnCount');
  }
  get rowIndex(): number {
    return this.loadedValue('rowIndex');
  }
  get columnIndex(): number {
    return this.loadedValue('columnIndex');
  }
  get valueTypes(): string[][] {
    return this.loadedValue('valueTypes');
  }
  get text(): string[][] {
    return this.loadedValue('text');
  }

  get values(): unknown[][] {
    return this.loadedValue('values');
  }
  set values(v: unknown[][]) {
    this.remember('values', v);
    this.write(v, 'values');
  }

  get formulas(): unknown[][] {
    return this.loadedValue('formulas');
  }
  set formulas(v: unknown[][]) {
    this.remember('formulas', v);
    this.write(v, 'formulas');
  }

  get numberFormat(): unknown[][] {
    return this.loadedValue('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.assign('numberFormat', v, () => {
      const { sheet, area } = this.ref.get();
      this.checkShape(v, area);
      v.forEach((row, i) =>
        row.forEach((f, j) => {
          if (f === null || f === undefined) return;
          this.checkWritable(sheet, area.top + i, area.left + j);
          sheet.setNumberFormat(area.top + i, area.left + j, String(f));
        }),
      );
    });
  }

  get columnHidden(): boolean {
    return this.loadedValue('columnHidden');
  }
  set columnHidden(h: boolean) {
    this.queue(8, () => {
      const { sheet, area } = this.ref.get();
      for (let c = area.left; c <= area.right; c++) {
        if (h) sheet.hiddenColumns.add(c);
        else sheet.hiddenColumns.delete(c);
      }
    });
  }

  get rowHidden(): boolean {
    return this.loadedValue('rowHidden');
  }
  set rowHidden(h: boolean) {
    this.queue(8, () => {
      const { sheet, area } = this.ref.get();
      for (let r = area.top; r <= area.bottom; r++) {
        if (h) sheet.hiddenRows.add(r);
        else sheet.hiddenRows.delete(r);
      }
    });
  }

  private checkShape(v: unknown[][], area: CellRange): void {
    if (!Array.isArray(v) || v.length !== rows(area) || v.some((row) => !Array.isArray(row) || row.length !== cols(area))) {
      fail('InvalidArgument', "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
    }
  }

  private checkWritable(sheet: FakeSheet, r: number, c: number): void {
    if (sheet.isProtectedCell(r, c)) fail('AccessDenied', 'The cell or chart you are trying to change is protected and therefore read-only.');
  }

  private write(v: unknown[][], how: 'values' | 'formulas'): void {
    this.queue(jsonBytes(v), () => {
      const { sheet, area } = this.ref.get();
      this.checkShape(v, area);
      v.forEach((row, i) =>
        row.forEach((x, j) => {
          const r = area.top + i;
          const c = area.left + j;
          const input = coerceInput(x, sheet.numberFormat(r, c));
          if (input.kind === 'unchanged') return;
          if (input.kind === 'invalid') fail('InvalidArgument', `The value at row ${String(i)}, column ${String(j)} of the ${how} array isn't valid.`);
          this.checkWritable(sheet, r, c);
          if (input.kind === 'formula') {
            sheet.setFormula(r, c, input.formula);
            sheet.setValue(r, c, evaluateFormula(sheet, input.formula));
          } else {
            sheet.setFormula(r, c, undefined);
            sheet.setValue(r, c, input.value);
          }
        }),
      );
    });
  }

  private derived(f: (a: CellRange) => CellRange): FakeRange {
    return new FakeRange(
      this.ctx,
      new Ref(() => {
        const { sheet, area } = this.ref.get();
        const b = f(area);
        if (b.top < 0 || b.left < 0 || b.bottom >= MAX_ROWS || b.right >= MAX_COLUMNS || b.bottom < b.top || b.right < b.left) fail('InvalidArgument', 'The range is outside the sheet.');
        return { sheet, area: b };
      }),
    );
  }

  getCell(row: number, column: number): FakeRange {
    return this.derived((a) => ({ top: a.top + row, left: a.left + column, bottom: a.top + row, right: a.left + column }));
  }
  getRow(row: number): FakeRange {
    return this.derived((a) => ({ ...a, top: a.top + row, bottom: a.top + row }));
  }
  getColumn(column: number): FakeRange {
    return this.derived((a) => ({ ...a, left: a.left + column, right: a.left + column }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derived((a) => ({ ...a, bottom: a.bottom + deltaRows, right: a.right + deltaColumns }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derived((a) => ({ top: a.top + rowOffset, bottom: a.bottom + rowOffset, left: a.left + columnOffset, right: a.right + columnOffset }));
  }
  getEntireColumn(): FakeRange {
    return this.derived((a) => ({ ...a, top: 0, bottom: MAX_ROWS - 1 }));
  }
  getEntireRow(): FakeRange {
    return this.derived((a) => ({ ...a, left: 0, right: MAX_COLUMNS - 1 }));
  }

  select(): void {
    this.queue(8, () => {
      const { sheet, area } = this.ref.get();
      if (this.ctx.model.activeSheet !== sheet) fail('InvalidSelection', 'The range is not on the active sheet.');
      sheet.selected = area;
    });
  }

  merge(across = false): void {
    this.queue(8, () => {
      const { sheet, area } = this.ref.get();
      const parts = across ? Array.from({ length: rows(area) }, (_, i) => ({ ...area, top: area.top + i, bottom: area.top + i })) : [area];
      for (const p of parts) {
        if (cols(p) * rows(p) < 2) continue;
        if (sheet.merges.some((m) => intersects(m, p))) fail('MergedRangeConflict', 'The range overlaps a merged range.');
        sheet.merges.push(p);
      }
    });
  }

  unmerge(): void {
    this.queue(8, () => {
      const { sheet, area } = this.ref.get();
      for (let i = sheet.merges.length - 1; i >= 0; i--) {
        const m = sheet.merges[i];
        if (m && intersects(m, area)) sheet.merges.splice(i, 1);
      }
    });
  }

  clear(applyTo: 'All' | 'Formats' | 'Contents' = 'All'): void {
    this.queue(8, () => {
      const { sheet, area } = this.ref.get();
      eachCell(sheet, area, (r, c) => {
        if (applyTo !== 'Formats') {
          this.checkWritable(sheet, r, c);
          sheet.setValue(r, c, null);
          sheet.setFormula(r, c, undefined);
        }
        if (applyTo !== 'Contents') {
          sheet.setNumberFormat(r, c, 'General');
          sheet.setFill(r, c, undefined);
          sheet.bold.delete(r * MAX_COLUMNS + c);
          sheet.fontColors.delete(r * MAX_COLUMNS + c);
        }
      });
    });
  }
}

/** Several areas of one sheet (`Worksheet.getRanges`). */
export class FakeRangeAreas extends FakeRefObject<{ readonly sheet: FakeSheet; readonly areas: CellRange[] }> {
  readonly conditionalFormats: FakeConditionalFormatCollection;

  constructor(ctx: FakeRequestContextBase, ref: Ref<{ readonly sheet: FakeSheet; readonly areas: CellRange[] }>) {
    super(ctx, ref);
    this.conditionalFormats = new FakeConditionalFormatCollection(ctx, ref);
  }

  protected override scalarNames(): readonly string[] {
    return ['address', 'areaCount'];
  }

  protected override readScalar(name: string): unknown {
    const { sheet, areas } = this.ref.get();
    return name === 'areaCount' ? areas.length : areas.map((a) => `${quoteSheetName(sheet.name)}!${rangeAddress(a)}`).join(',');
  }

  get address(): string {
    return this.loadedValue('address');
  }

  get areaCount(): number {
    return this.loadedValue('areaCount');
  }
}
