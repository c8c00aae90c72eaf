import type { CellRange } from '../../../core/grid/output-book';
import { FakeBatch, FakeClientObject, FakeOfficeError, jsonBytes, type FakeContextHost, type FakeRequestContextBase } from './fake-client';
import { contains, intersects, MAX_COLUMNS, MAX_ROWS, parseArea, quoteSheetName, rangeAddress, type FakeChart as FakeChartData, type FakeChartSeries as FakeSeriesData, type FakeConditionalFormat as FakeCfData, type FakeDataValidation as FakeDvData, type FakeSheet, type FakeWorkbookModel } from './fake-model';
import { coerceInput, evaluateFormula, outputValue, valueType } from './fake-values';

/** A reference resolved once, when the first queued operation needs it (as Excel binds an object path). */
class Ref<T> {
  private value: T | undefined;
  constructor(private readonly resolve: () => T) {}
  get(): T {
    this.value ??= this.resolve();
    return this.value;
  }
}

type Area = { readonly sheet: FakeSheet; readonly area: CellRange };

const WHOLE_SHEET: CellRange = { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 };
/** Cells a single read may return; Excel refuses far smaller ones on the web anyway. */
const MAX_READ_CELLS = 5_000_000;

function fail(code: string, message: string): never {
  throw new FakeOfficeError(code, message);
}

/** The cells of an area that hold (or may hold) something: unbounded rows/columns are clipped to the sheet's extent. */
function bounded(sheet: FakeSheet, a: CellRange): CellRange {
  const bottom = a.bottom === MAX_ROWS - 1 ? Math.max(a.top, sheet.rowExtent - 1) : a.bottom;
  const right = a.right === MAX_COLUMNS - 1 ? Math.max(a.left, 255) : a.right;
  return { top: a.top, left: a.left, bottom, right };
}

function eachCell(sheet: FakeSheet, a: CellRange, f: (r: number, c: number) => void): void {
  const b = bounded(sheet, a);
  for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) f(r, c);
}

function rows(a: CellRange): number {
  return a.bottom - a.top + 1;
}

function cols(a: CellRange): number {
  return a.right - a.left + 1;
}

/** `a` minus `b`, as up to four rectangles. */
export function subtract(a: CellRange, b: CellRange): CellRange[] {
  if (!intersects(a, b)) return [a];
  const out: CellRange[] = [];
  if (a.top < b.top) out.push({ ...a, bottom: b.top - 1 });
  if (a.bottom > b.bottom) out.push({ ...a, top: b.bottom + 1 });
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  if (a.left < b.left) out.push({ top, bottom, left: a.left, right: b.left - 1 });
  if (a.right > b.right) out.push({ top, bottom, left: b.right + 1, right: a.right });
  return out;
}

/** An Office.js request context over the in-memory workbook. */
export class FakeRequestContext implements FakeRequestContextBase {
  readonly batch: FakeBatch;
  readonly workbook: FakeWorkbook;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };

  constructor(
    readonly model: FakeWorkbookModel,
    host: FakeContextHost,
  ) {
    this.batch = new FakeBatch(host);
    this.workbook = new FakeWorkbook(this);
  }

  sync(): Promise<void> {
    return this.batch.sync();
  }
}

export class FakeWorkbook extends FakeClientObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly settings: FakeSettingCollection;

  constructor(readonly ctx: FakeRequestContext) {
    super(ctx);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.settings = new FakeSettingCollection(ctx);
  }

  protected scalarNames(): readonly string[] {
    return ['name'];
  }

  protected readScalar(): unknown {
    return 'Book1';
  }

  getActiveWorksheet(): FakeWorksheet {
    return this.worksheets.getActiveWorksheet();
  }
}

export class FakeWorksheetCollection extends FakeClientObject {
  constructor(readonly ctx: FakeRequestContext) {
    super(ctx);
  }

  protected scalarNames(): readonly string[] {
    return [];
  }

  protected readScalar(): unknown {
    return undefined;
  }

  protected override collectionItems(): FakeClientObject[] {
    return this.ctx.model.sheets.map((s) => new FakeWorksheet(this.ctx, new Ref(() => s)));
  }

  get items(): FakeWorksheet[] {
    return this.loadedValue('items');
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, new Ref(() => this.ctx.model.sheet(name) ?? fail('ItemNotFound', `The requested resource '${name}' doesn't exist.`)));
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    const ref = new Ref(() => this.ctx.model.sheet(name) ?? fail('InvalidObjectPath', `The object path for the null worksheet '${name}' isn't valid.`));
    return new FakeWorksheet(this.ctx, ref, () => this.ctx.model.sheet(name) === undefined);
  }

  add(name?: string): FakeWorksheet {
    let created: FakeSheet | undefined;
    const n = name ?? `Sheet${String(this.ctx.model.sheets.length + 1)}`;
    this.queue(jsonBytes(n), () => {
      if (n.length > 31 || /[[\]:*?/\\]/.test(n) || n.trim() === '') fail('InvalidArgument', `The sheet name '${n}' isn't valid.`);
      if (this.ctx.model.sheet(n)) fail('ItemAlreadyExists', `A resource with the same name or identifier '${n}' already exists.`);
      created = this.ctx.model.addSheet(n);
    });
    return new FakeWorksheet(this.ctx, new Ref(() => created ?? fail('InvalidObjectPath', 'The sheet was not added.')));
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, new Ref(() => this.ctx.model.activeSheet ?? fail('ItemNotFound', 'No active sheet.')));
  }
}

export class FakeWorksheet extends FakeClientObject {
  readonly protection: FakeWorksheetProtection;
  readonly freezePanes: FakeFreezePanes;
  readonly autoFilter: FakeAutoFilter;
  readonly charts: FakeChartCollection;

  constructor(
    readonly ctx: FakeRequestContext,
    readonly ref: Ref<FakeSheet>,
    nullCheck?: () => boolean,
  ) {
    super(ctx, nullCheck);
    this.protection = new FakeWorksheetProtection(ctx, ref);
    this.freezePanes = new FakeFreezePanes(ctx, ref);
    this.autoFilter = new FakeAutoFilter(ctx, ref);
    this.charts = new FakeChartCollection(ctx, ref);
  }

  protected scalarNames(): readonly string[] {
    return ['name', 'position', 'visibility', 'id'];
  }

  protected readScalar(name: string): unknown {
    const s = this.ref.get();
    switch (name) {
      case 'name':
        return s.name;
      case 'position':
        return this.ctx.model.sheets.indexOf(s);
      case 'visibility':
        return s.visibility;
      default:
        return `{sheet-${s.name}}`;
    }
  }

  protected override navigation(name: string): FakeClientObject | undefined {
    return name === 'protection' ? this.protection : undefined;
  }

  get name(): string {
    return this.loadedValue('name');
  }

  set name(v: string) {
    this.remember('name', v);
    this.queue(jsonBytes(v), () => {
      const s = this.ref.get();
      const other = this.ctx.model.sheet(v);
      if (other && other !== s) fail('ItemAlreadyExists', `A sheet named '${v}' already exists.`);
      s.name = v;
    });
  }

  get position(): number {
    return this.loadedValue('position');
  }

  get visibility(): string {
    return this.loadedValue('visibility');
  }

  set visibility(v: 'Visible' | 'Hidden' | 'VeryHidden') {
    this.queue(jsonBytes(v), () => {
      this.ref.get().visibility = v;
    });
  }

  private area(address: string | undefined): () => Area {
    return () => {
      const sheet = this.ref.get();
      if (address === undefined) return { sheet, area: WHOLE_SHEET };
      const local = address.includes('!') ? (address.split('!').pop() ?? '') : address;
      const area = parseArea(local) ?? fail('InvalidArgument', `The address '${address}' isn't valid.`);
      return { sheet, area };
    };
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, new Ref(this.area(address)));
  }

  getRanges(address: string): FakeRangeAreas {
    return new FakeRangeAreas(
      this.ctx,
      new Ref(() => {
        const sheet = this.ref.get();
        const areas = address.split(/[,;]/).map((a) => parseArea(a) ?? fail('InvalidArgument', `The address '${a}' isn't valid.`));
        return { sheet, areas };
      }),
    );
  }

  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(
      this.ctx,
      new Ref(() => {
        if (row < 0 || column < 0 || rowCount < 1 || columnCount < 1 || row + rowCount > MAX_ROWS || column + columnCount > MAX_COLUMNS) fail('InvalidArgument', 'The range indexes are outside the sheet.');
        return { sheet: this.ref.get(), area: { top: row, left: column, bottom: row + rowCount - 1, right: column + columnCount - 1 } };
      }),
    );
  }

  getCell(row: number, column: number): FakeRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, new Ref(() => ({ sheet: this.ref.get(), area: this.ref.get().usedRange(valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } })));
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.ctx,
      new Ref(() => ({ sheet: this.ref.get(), area: this.ref.get().usedRange(valuesOnly) ?? fail('InvalidObjectPath', 'The used range is null.') })),
      () => this.ref.get().usedRange(valuesOnly) === undefined,
    );
  }

  activate(): void {
    this.queue(8, () => {
      this.ctx.model.activeSheet = this.ref.get();
    });
  }

  delete(): void {
    this.queue(8, () => {
      const s = this.ref.get();
      if (this.ctx.model.sheets.filter((x) => x !== s && x.visibility === 'Visible').length === 0) fail('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      this.ctx.model.deleteSheet(s);
    });
  }
}

export class FakeWorksheetProtection extends FakeClientObject {
  constructor(
    ctx: FakeRequestContextBase,
    private readonly ref: Ref<FakeSheet>,
  ) {
    super(ctx);
  }

  protected scalarNames(): readonly string[] {
    return ['protected', 'options'];
  }

  protected readScalar(name: string): unknown {
    const p = this.ref.get().protection;
    return name === 'protected' ? p.protected : { ...p.options };
  }

  get protected(): boolean {
    return this.loadedValue('protected');
  }

  get options(): Record<string, unknown> {
    return this.loadedValue('options');
  }

  protect(options?: Record<string, unknown>, password?: string): void {
    this.queue(jsonBytes(options ?? {}), () => {
      const s = this.ref.get();
      if (s.protection.protected) fail('InvalidOperation', 'The worksheet is already protected.');
      s.protection = { protected: true, options: { ...(options ?? {}) }, ...(password !== undefined ? { password } : {}) };
    });
  }

  unprotect(password?: string): void {
    this.queue(8, () => {
      const s = this.ref.get();
      if (s.protection.password !== undefined && s.protection.password !== password) fail('InvalidArgument', 'The password is incorrect.');
      s.protection = { protected: false, options: {} };
    });
  }
}

export class FakeFreezePanes extends FakeClientObject {
  constructor(
    ctx: FakeRequestContextBase,
    private readonly ref: Ref<FakeSheet>,
  ) {
    super(ctx);
  }

  protected scalarNames(): readonly string[] {
    return [];
  }

  protected readScalar(): unknown {
    return undefined;
  }

  freezeRows(count = 1): void {
    this.queue(8, () => {
      const s = this.ref.get();
      s.frozen = { rows: count, columns: s.frozen?.columns ?? 0 };
    });
  }

  freezeColumns(count = 1): void {
    this.queue(8, () => {
      const s = this.ref.get();
      s.frozen = { rows: s.frozen?.rows ?? 0, columns: count };
    });
  }

  freezeAt(frozen: string | FakeRange): void {
    this.queue(16, () => {
      const a = typeof frozen === 'string' ? (parseArea(frozen) ?? fail('InvalidArgument', `Bad address ${frozen}`)) : frozen.resolve().area;
      this.ref.get().frozen = { rows: a.top === 0 && a.bottom < MAX_ROWS - 1 ? a.bottom + 1 : 0, columns: a.left === 0 && a.right < MAX_COLUMNS - 1 ? a.right + 1 : 0 };
    });
  }

  unfreeze(): void {
    this.queue(8, () => {
      this.ref.get().frozen = undefined;
    });
  }
}

export class FakeAutoFilter extends FakeClientObject {
  constructor(
    ctx: FakeRequestContextBase,
    private readonly ref: Ref<FakeSheet>,
  ) {
    super(ctx);
  }

  protected scalarNames(): readonly string[] {
    return ['enabled'];
  }

  protected readScalar(): unknown {
    return this.ref.get().autoFilter !== undefined;
  }

  apply(range: string | FakeRange): void {
    this.queue(16, () => {
      this.ref.get().autoFilter = typeof range === 'string' ? (parseArea(range) ?? fail('InvalidArgument', `Bad address ${range}`)) : range.resolve().area;
    });
  }

  remove(): void {
    this.queue(8, () => {
      this.ref.get().autoFilter = undefined;
    });
  }
}

export class FakeRange extends FakeClientObject {
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: FakeConditionalFormatCollection;
  readonly dataValidation: FakeDataValidation;

  constructor(
    readonly ctx: FakeRequestContext,
    private readonly ref: Ref<Area>,
    nullCheck?: () => boolean,
  ) {
    super(ctx, nullCheck);
    this.format = new FakeRangeFormat(ctx, ref);
    this.conditionalFormats = new FakeConditionalFormatCollection(ctx, new Ref(() => ({ sheet: ref.get().sheet, areas: [ref.get().area] })));
    this.dataValidation = new FakeDataValidation(ctx, ref);
  }

  /** The sheet and area this range stands for (binds it when first needed). */
  resolve(): Area {
    return this.ref.get();
  }

  protected scalarNames(): readonly string[] {
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

  protected readScalar(name: string): unknown {
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
    this.remember('numberFormat', v);
    this.queue(jsonBytes(v), () => {
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
export class FakeRangeAreas extends FakeClientObject {
  readonly conditionalFormats: FakeConditionalFormatCollection;

  constructor(
    ctx: FakeRequestContextBase,
    private readonly ref: Ref<{ readonly sheet: FakeSheet; readonly areas: CellRange[] }>,
  ) {
    super(ctx);
    this.conditionalFormats = new FakeConditionalFormatCollection(ctx, ref);
  }

  protected scalarNames(): readonly string[] {
    return ['address', 'areaCount'];
  }

  protected readScalar(name: string): unknown {
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

export class FakeRangeFormat extends FakeClientObject {
  readonly font: FakeRangeFont;
  readonly fill: FakeRangeFill;
  readonly protection: FakeFormatProtection;

  constructor(
    ctx: FakeRequestContextBase,
    private readonly ref: Ref<Area>,
  ) {
    super(ctx);
    this.font = new FakeRangeFont(ctx, ref);
    this.fill = new FakeRangeFill(ctx, ref);
    this.protection = new FakeFormatProtection(ctx, ref);
  }

  protected scalarNames(): readonly string[] {
    return ['columnWidth', 'wrapText', 'horizontalAlignment', 'verticalAlignment'];
  }

  protected readScalar(name: string): unknown {
    const { sheet, area } = this.ref.get();
    if (name === 'columnWidth') return sheet.columnWidths.get(area.left) ?? 48;
    if (name === 'wrapText') return false;
    return 'General';
  }

  protected override navigation(name: string): FakeClientObject | undefined {
    if (name === 'font') return this.font;
    if (name === 'fill') return this.fill;
    if (name === 'protection') return this.protection;
    return undefined;
  }

  get columnWidth(): number {
    return this.loadedValue('columnWidth');
  }
  set columnWidth(w: number) {
    this.queue(8, () => {
      const { sheet, area } = this.ref.get();
      for (let c = area.left; c <= area.right; c++) sheet.columnWidths.set(c, w);
    });
  }

  set wrapText(_w: boolean) {
    this.queue(8, () => undefined);
  }
  set horizontalAlignment(_a: string) {
    this.queue(8, () => undefined);
  }
  set verticalAlignment(_a: string) {
    this.queue(8, () => undefined);
  }

  autofitColumns(): void {
    this.queue(8, () => undefined);
  }
}

export class FakeRangeFont extends FakeClientObject {
  constructor(
    ctx: FakeRequestContextBase,
    private readonly ref: Ref<Area>,
  ) {
    super(ctx);
  }

  protected scalarNames(): readonly string[] {
    return ['bold', 'color'];
  }

  protected readScalar(name: string): unknown {
    const { sheet, area } = this.ref.get();
    return name === 'bold' ? sheet.isBold(area.top, area.left) : (sheet.fontColors.get(area.top * MAX_COLUMNS + area.left) ?? '#000000');
  }

  get bold(): boolean {
    return this.loadedValue('bold');
  }
  set bold(b: boolean) {
    this.queue(8, () => {
      const { sheet, area } = this.ref.get();
      eachCell(sheet, area, (r, c) => sheet.setBold(r, c, b));
    });
  }

  get color(): string {
    return this.loadedValue('color');
  }
  set color(col: string) {
    this.queue(16, () => {
      const { sheet, area } = this.ref.get();
      eachCell(sheet, area, (r, c) => sheet.fontColors.set(r * MAX_COLUMNS + c, col));
    });
  }

  set italic(_b: boolean) {
    this.queue(8, () => undefined);
  }
}

export class FakeRangeFill extends FakeClientObject {
  constructor(
    ctx: FakeRequestContextBase,
    private readonly ref: Ref<Area>,
  ) {
    super(ctx);
  }

  protected scalarNames(): readonly string[] {
    return ['color', 'pattern'];
  }

  protected readScalar(name: string): unknown {
    const { sheet, area } = this.ref.get();
    const f = sheet.fill(area.top, area.left);
    if (name === 'pattern') return f === undefined ? 'None' : 'Solid';
    return f ?? '#FFFFFF';
  }

  get color(): string {
    return this.loadedValue('color');
  }
  set color(col: string) {
    this.queue(16, () => {
      const { sheet, area } = this.ref.get();
      eachCell(sheet, area, (r, c) => sheet.setFill(r, c, col.toUpperCase()));
    });
  }

  clear(): void {
    this.queue(8, () => {
      const { sheet, area } = this.ref.get();
      eachCell(sheet, area, (r, c) => sheet.setFill(r, c, undefined));
    });
  }
}

export class FakeFormatProtection extends FakeClientObject {
  constructor(
    ctx: FakeRequestContextBase,
    private readonly ref: Ref<Area>,
  ) {
    super(ctx);
  }

  protected scalarNames(): readonly string[] {
    return ['locked', 'formulaHidden'];
  }

  protected readScalar(name: string): unknown {
    const { sheet, area } = this.ref.get();
    return name === 'locked' ? sheet.isLocked(area.top, area.left) : false;
  }

  get locked(): boolean {
    return this.loadedValue('locked');
  }
  set locked(l: boolean) {
    this.queue(8, () => {
      const { sheet, area } = this.ref.get();
      if (sheet.protection.protected) fail('AccessDenied', 'The sheet is protected.');
      eachCell(sheet, area, (r, c) => sheet.setLocked(r, c, l));
    });
  }
}

type CfTarget = { readonly sheet: FakeSheet; readonly areas: readonly CellRange[] };

export class FakeConditionalFormatCollection extends FakeClientObject {
  constructor(
    ctx: FakeRequestContextBase,
    private readonly ref: Ref<CfTarget>,
  ) {
    super(ctx);
  }

  protected scalarNames(): readonly string[] {
    return [];
  }

  protected readScalar(): unknown {
    return undefined;
  }

  private current(): FakeCfData[] {
    const { sheet, areas } = this.ref.get();
    return sheet.conditionalFormats.filter((cf) => cf.ranges.some((r) => areas.some((a) => intersects(r, a))));
  }

  protected override collectionItems(): FakeClientObject[] {
    const { sheet } = this.ref.get();
    return this.current().map((cf) => new FakeConditionalFormat(this.context, new Ref(() => cf), () => sheet));
  }

  get items(): FakeConditionalFormat[] {
    return this.loadedValue('items');
  }

  add(type: string): FakeConditionalFormat {
    let data: FakeCfData | undefined;
    let sheet: FakeSheet | undefined;
    this.queue(jsonBytes(type), () => {
      const t = this.ref.get();
      sheet = t.sheet;
      data = { type, ranges: t.areas.map((a) => ({ ...a })) };
      // A new rule takes the highest priority, as in Excel.
      t.sheet.conditionalFormats.unshift(data);
    });
    return new FakeConditionalFormat(
      this.context,
      new Ref(() => data ?? fail('InvalidObjectPath', 'The conditional format was not added.')),
      () => sheet,
    );
  }

  getItemAt(index: number): FakeConditionalFormat {
    return new FakeConditionalFormat(
      this.context,
      new Ref(() => this.current()[index] ?? fail('ItemNotFound', `No conditional format at ${String(index)}.`)),
      () => this.ref.get().sheet,
    );
  }

  clearAll(): void {
    this.queue(8, () => {
      const { sheet, areas } = this.ref.get();
      for (const cf of sheet.conditionalFormats) {
        let ranges = cf.ranges;
        for (const a of areas) ranges = ranges.flatMap((r) => (contains(a, r) ? [] : subtract(r, a)));
        cf.ranges = ranges;
      }
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => cf.ranges.length > 0);
    });
  }
}

export class FakeConditionalFormat extends FakeClientObject {
  readonly custom: FakeCustomConditionalFormat;
  readonly customOrNullObject: FakeCustomConditionalFormat;
  readonly colorScale: FakeColorScaleConditionalFormat;
  readonly dataBar: FakeDataBarConditionalFormat;

  constructor(
    ctx: FakeRequestContextBase,
    private readonly ref: Ref<FakeCfData>,
    private readonly sheetOf: () => FakeSheet | undefined,
  ) {
    super(ctx);
    this.custom = new FakeCustomConditionalFormat(ctx, ref);
    this.customOrNullObject = new FakeCustomConditionalFormat(ctx, ref, () => ref.get().type !== 'Custom');
    this.colorScale = new FakeColorScaleConditionalFormat(ctx, ref);
    this.dataBar = new FakeDataBarConditionalFormat(ctx, ref);
  }

  /** The stored rule (inside a sync only). */
  data(): FakeCfData {
    return this.ref.get();
  }

  private sheet(): FakeSheet {
    return this.sheetOf() ?? fail('InvalidObjectPath', 'Unknown sheet.');
  }

  protected scalarNames(): readonly string[] {
    return ['type', 'priority', 'stopIfTrue', 'id'];
  }

  protected readScalar(name: string): unknown {
    const cf = this.ref.get();
    const priority = this.sheet().conditionalFormats.indexOf(cf);
    if (name === 'type') return cf.type;
    if (name === 'stopIfTrue') return false;
    return name === 'id' ? String(priority) : priority;
  }

  protected override navigation(name: string): FakeClientObject | undefined {
    if (name === 'custom') return this.custom;
    if (name === 'customOrNullObject') return this.customOrNullObject;
    if (name === 'colorScale') return this.colorScale;
    if (name === 'dataBar') return this.dataBar;
    return undefined;
  }

  get type(): string {
    return this.loadedValue('type');
  }

  get priority(): number {
    return this.loadedValue('priority');
  }

  delete(): void {
    this.queue(8, () => {
      const cf = this.ref.get();
      const list = this.sheet().conditionalFormats;
      const i = list.indexOf(cf);
      if (i < 0) fail('ItemNotFound', 'The conditional format no longer exists.');
      list.splice(i, 1);
    });
  }
}

export class FakeCustomConditionalFormat extends FakeClientObject {
  readonly rule: FakeConditionalFormatRule;
  readonly format: FakeConditionalRangeFormat;

  constructor(
    ctx: FakeRequestContextBase,
    ref: Ref<FakeCfData>,
    nullCheck?: () => boolean,
  ) {
    super(ctx, nullCheck, false);
    this.rule = new FakeConditionalFormatRule(ctx, ref);
    this.format = new FakeConditionalRangeFormat(ctx, ref);
  }

  protected scalarNames(): readonly string[] {
    return [];
  }

  protected readScalar(): unknown {
    return undefined;
  }

  protected override navigation(name: string): FakeClientObject | undefined {
    if (name === 'rule') return this.rule;
    if (name === 'format') return this.format;
    return undefined;
  }
}

export class FakeConditionalFormatRule extends FakeClientObject {
  constructor(
    ctx: FakeRequestContextBase,
    private readonly ref: Ref<FakeCfData>,
  ) {
    super(ctx);
  }

  protected scalarNames(): readonly string[] {
    return ['formula', 'formulaLocal'];
  }

  protected readScalar(): unknown {
    return this.ref.get().formula ?? '';
  }

  get formula(): string {
    return this.loadedValue('formula');
  }
  set formula(f: string) {
    this.queue(jsonBytes(f), () => {
      this.ref.get().formula = f;
    });
  }
}

export class FakeConditionalRangeFormat extends FakeClientObject {
  readonly fill: { color: string };
  readonly font: { color: string; bold: boolean };

  constructor(ctx: FakeRequestContextBase, ref: Ref<FakeCfData>) {
    super(ctx);
    const queue = (run: () => void): void => ctx.batch.enqueue(16, run);
    this.fill = {
      set color(c: string) {
        queue(() => {
          ref.get().fill = c.toUpperCase();
        });
      },
      get color(): string {
        throw new FakeOfficeError('PropertyNotLoaded', 'Conditional format colours are write-only in this stand-in.');
      },
    };
    this.font = {
      set color(c: string) {
        queue(() => {
          ref.get().fontColor = c.toUpperCase();
        });
      },
      get color(): string {
        throw new FakeOfficeError('PropertyNotLoaded', 'Conditional format colours are write-only in this stand-in.');
      },
      set bold(_b: boolean) {
        queue(() => undefined);
      },
      get bold(): boolean {
        return false;
      },
    };
  }

  protected scalarNames(): readonly string[] {
    return [];
  }

  protected readScalar(): unknown {
    return undefined;
  }
}

export class FakeColorScaleConditionalFormat extends FakeClientObject {
  constructor(
    ctx: FakeRequestContextBase,
    private readonly ref: Ref<FakeCfData>,
  ) {
    super(ctx);
  }

  protected scalarNames(): readonly string[] {
    return ['criteria'];
  }

  protected readScalar(): unknown {
    return this.ref.get().criteria;
  }

  get criteria(): unknown {
    return this.loadedValue('criteria');
  }
  set criteria(c: unknown) {
    this.queue(jsonBytes(c), () => {
      this.ref.get().criteria = c;
    });
  }
}

export class FakeDataBarConditionalFormat extends FakeClientObject {
  constructor(
    ctx: FakeRequestContextBase,
    private readonly ref: Ref<FakeCfData>,
  ) {
    super(ctx);
  }

  protected scalarNames(): readonly string[] {
    return ['barDirection'];
  }

  protected readScalar(): unknown {
    return this.ref.get().dataBar?.barDirection ?? 'Context';
  }

  get barDirection(): string {
    return this.loadedValue('barDirection');
  }
  set barDirection(d: string) {
    this.queue(16, () => {
      this.ref.get().dataBar = { barDirection: d };
    });
  }
}

export class FakeDataValidation extends FakeClientObject {
  constructor(
    ctx: FakeRequestContextBase,
    private readonly ref: Ref<Area>,
  ) {
    super(ctx);
  }

  protected scalarNames(): readonly string[] {
    return ['rule', 'errorAlert', 'prompt', 'ignoreBlanks', 'type'];
  }

  private entries(): FakeDvData[] {
    const { sheet, area } = this.ref.get();
    return sheet.dataValidations.filter((d) => intersects(d.range, area));
  }

  protected readScalar(name: string): unknown {
    const d = this.entries()[0];
    switch (name) {
      case 'rule':
        return d?.rule ?? {};
      case 'errorAlert':
        return d?.errorAlert ?? null;
      case 'prompt':
        return d?.prompt ?? null;
      case 'ignoreBlanks':
        return d?.ignoreBlanks ?? true;
      default:
        return d === undefined ? 'None' : Object.keys(d.rule as object)[0];
    }
  }

  get rule(): unknown {
    return this.loadedValue('rule');
  }
  set rule(rule: unknown) {
    this.queue(jsonBytes(rule), () => {
      const { sheet, area } = this.ref.get();
      sheet.dataValidations = sheet.dataValidations.flatMap((d) => subtract(d.range, area).map((range) => ({ ...d, range })));
      sheet.dataValidations.push({ range: { ...area }, rule });
    });
  }

  set errorAlert(alert: unknown) {
    this.queue(jsonBytes(alert), () => {
      for (const d of this.entries()) d.errorAlert = alert;
    });
  }

  set prompt(p: unknown) {
    this.queue(jsonBytes(p), () => {
      for (const d of this.entries()) d.prompt = p;
    });
  }

  set ignoreBlanks(b: boolean) {
    this.queue(8, () => {
      for (const d of this.entries()) d.ignoreBlanks = b;
    });
  }

  clear(): void {
    this.queue(8, () => {
      const { sheet, area } = this.ref.get();
      sheet.dataValidations = sheet.dataValidations.flatMap((d) => subtract(d.range, area).map((range) => ({ ...d, range })));
    });
  }
}

export class FakeSettingCollection extends FakeClientObject {
  constructor(readonly ctx: FakeRequestContext) {
    super(ctx);
  }

  protected scalarNames(): readonly string[] {
    return [];
  }

  protected readScalar(): unknown {
    return undefined;
  }

  protected override collectionItems(): FakeClientObject[] {
    return [...this.ctx.model.settings.keys()].map((k) => new FakeSetting(this.ctx, k));
  }

  get items(): FakeSetting[] {
    return this.loadedValue('items');
  }

  add(key: string, value: unknown): FakeSetting {
    this.queue(jsonBytes(key) + jsonBytes(value), () => {
      this.ctx.model.settings.set(key, JSON.parse(JSON.stringify(value ?? null)) as unknown);
    });
    return new FakeSetting(this.ctx, key);
  }

  getItem(key: string): FakeSetting {
    return new FakeSetting(this.ctx, key);
  }

  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.ctx, key, () => !this.ctx.model.settings.has(key));
  }
}

export class FakeSetting extends FakeClientObject {
  constructor(
    readonly ctx: FakeRequestContext,
    readonly settingKey: string,
    nullCheck?: () => boolean,
  ) {
    super(ctx, nullCheck);
  }

  protected scalarNames(): readonly string[] {
    return ['key', 'value'];
  }

  protected readScalar(name: string): unknown {
    if (!this.ctx.model.settings.has(this.settingKey)) fail('ItemNotFound', `No setting '${this.settingKey}'.`);
    return name === 'key' ? this.settingKey : this.ctx.model.settings.get(this.settingKey);
  }

  get key(): string {
    return this.loadedValue('key');
  }

  get value(): unknown {
    return this.loadedValue('value');
  }
  set value(v: unknown) {
    this.queue(jsonBytes(v), () => {
      this.ctx.model.settings.set(this.settingKey, v);
    });
  }

  delete(): void {
    this.queue(8, () => {
      this.ctx.model.settings.delete(this.settingKey);
    });
  }
}

/** Chart types the stand-in accepts (those PHU could draw); Excel knows many more. */
const CHART_TYPES = new Set(['ColumnClustered', 'ColumnStacked', 'BarClustered', 'BarStacked', 'Line', 'LineMarkers', 'Pie', 'Area', 'XYScatter']);

function checkChartType(type: string): void {
  if (!CHART_TYPES.has(type)) fail('InvalidArgument', `The chart type '${type}' isn't valid.`);
}

/** A range's sheet-qualified address (`BieuDo!B3:B9`). */
function qualified(range: FakeRange): string {
  const { sheet, area } = range.resolve();
  return `${quoteSheetName(sheet.name)}!${rangeAddress(area)}`;
}

/** `Worksheet.charts`: add a chart over a range; `count` loads (tests read the charts from the model). */
export class FakeChartCollection extends FakeClientObject {
  constructor(
    readonly ctx: FakeRequestContext,
    private readonly ref: Ref<FakeSheet>,
  ) {
    super(ctx);
  }

  protected scalarNames(): readonly string[] {
    return ['count'];
  }

  protected readScalar(): unknown {
    return this.ref.get().charts.length;
  }

  get count(): number {
    return this.loadedValue('count');
  }

  /** A chart over `sourceData`, one series per column (or row), as Excel makes it. */
  add(type: string, sourceData: FakeRange, seriesBy = 'Auto'): FakeChartProxy {
    let created: FakeChartData | undefined;
    this.queue(jsonBytes(type) + 32, () => {
      checkChartType(type);
      const sheet = this.ref.get();
      const { area } = sourceData.resolve();
      const byRows = seriesBy === 'Rows' || (seriesBy === 'Auto' && cols(area) > rows(area));
      const count = byRows ? rows(area) : cols(area);
      const series: FakeSeriesData[] = Array.from({ length: count }, (_, i) => {
        const part = byRows ? { ...area, top: area.top + i, bottom: area.top + i } : { ...area, left: area.left + i, right: area.left + i };
        return { name: `Series${String(i + 1)}`, chartType: type, values: `${quoteSheetName(sourceData.resolve().sheet.name)}!${rangeAddress(part)}` };
      });
      created = { name: `Chart ${String(sheet.charts.length + 1)}`, type, series };
      sheet.charts.push(created);
    });
    return new FakeChartProxy(this.ctx, new Ref(() => created ?? fail('InvalidObjectPath', 'The chart was not added.')));
  }
}

/** One chart: title, name, series, position, value axis. */
export class FakeChartProxy extends FakeClientObject {
  readonly title: FakeChartTitle;
  readonly series: FakeChartSeriesCollection;
  readonly axes: { readonly valueAxis: { minimum: number } };

  constructor(
    ctx: FakeRequestContext,
    private readonly ref: Ref<FakeChartData>,
  ) {
    super(ctx);
    this.title = new FakeChartTitle(ctx, ref);
    this.series = new FakeChartSeriesCollection(ctx, ref);
    const queue = (run: () => void): void => ctx.batch.enqueue(16, run);
    this.axes = {
      valueAxis: {
        set minimum(v: number) {
          queue(() => {
            ref.get().valueAxisMinimum = v;
          });
        },
        get minimum(): number {
          throw new FakeOfficeError('PropertyNotLoaded', 'Axis values are write-only in this stand-in.');
        },
      },
    };
  }

  protected scalarNames(): readonly string[] {
    return ['name', 'chartType'];
  }

  protected readScalar(name: string): unknown {
    const c = this.ref.get();
    return name === 'name' ? c.name : c.type;
  }

  protected override navigation(name: string): FakeClientObject | undefined {
    if (name === 'title') return this.title;
    if (name === 'series') return this.series;
    return undefined;
  }

  get name(): string {
    return this.loadedValue('name');
  }
  set name(n: string) {
    this.remember('name', n);
    this.queue(jsonBytes(n), () => {
      this.ref.get().name = n;
    });
  }

  get chartType(): string {
    return this.loadedValue('chartType');
  }

  setPosition(startCell: string | FakeRange, endCell?: string | FakeRange): void {
    this.queue(32, () => {
      const at = (x: string | FakeRange): string => (typeof x === 'string' ? x : rangeAddress(x.resolve().area));
      for (const x of [startCell, endCell]) if (typeof x === 'string' && !parseArea(x)) fail('InvalidArgument', `The address '${x}' isn't valid.`);
      this.ref.get().position = { start: at(startCell), ...(endCell !== undefined ? { end: at(endCell) } : {}) };
    });
  }
}

export class FakeChartTitle extends FakeClientObject {
  constructor(
    ctx: FakeRequestContextBase,
    private readonly ref: Ref<FakeChartData>,
  ) {
    super(ctx);
  }

  protected scalarNames(): readonly string[] {
    return ['text'];
  }

  protected readScalar(): unknown {
    return this.ref.get().title ?? '';
  }

  get text(): string {
    return this.loadedValue('text');
  }
  set text(t: string) {
    this.remember('text', t);
    this.queue(jsonBytes(t), () => {
      this.ref.get().title = t;
    });
  }
}

export class FakeChartSeriesCollection extends FakeClientObject {
  constructor(
    readonly ctx: FakeRequestContextBase,
    private readonly ref: Ref<FakeChartData>,
  ) {
    super(ctx);
  }

  protected scalarNames(): readonly string[] {
    return ['count'];
  }

  protected readScalar(): unknown {
    return this.ref.get().series.length;
  }

  get count(): number {
    return this.loadedValue('count');
  }

  /** A new, empty series of the chart's type (ExcelApi 1.7). */
  add(name?: string): FakeChartSeriesProxy {
    let created: FakeSeriesData | undefined;
    this.queue(jsonBytes(name ?? ''), () => {
      const chart = this.ref.get();
      created = { name: name ?? `Series${String(chart.series.length + 1)}`, chartType: chart.type };
      chart.series.push(created);
    });
    return new FakeChartSeriesProxy(this.ctx, new Ref(() => created ?? fail('InvalidObjectPath', 'The series was not added.')));
  }

  getItemAt(index: number): FakeChartSeriesProxy {
    return new FakeChartSeriesProxy(this.ctx, new Ref(() => this.ref.get().series[index] ?? fail('ItemNotFound', `No series at ${String(index)}.`)));
  }
}

export class FakeChartSeriesProxy extends FakeClientObject {
  constructor(
    ctx: FakeRequestContextBase,
    private readonly ref: Ref<FakeSeriesData>,
  ) {
    super(ctx);
  }

  protected scalarNames(): readonly string[] {
    return ['name', 'chartType'];
  }

  protected readScalar(name: string): unknown {
    const s = this.ref.get();
    return name === 'name' ? s.name : s.chartType;
  }

  get name(): string {
    return this.loadedValue('name');
  }
  set name(n: string) {
    this.remember('name', n);
    this.queue(jsonBytes(n), () => {
      this.ref.get().name = n;
    });
  }

  get chartType(): string {
    return this.loadedValue('chartType');
  }
  set chartType(t: string) {
    this.remember('chartType', t);
    this.queue(jsonBytes(t), () => {
      checkChartType(t);
      this.ref.get().chartType = t;
    });
  }

  setValues(range: FakeRange): void {
    this.queue(32, () => {
      this.ref.get().values = qualified(range);
    });
  }

  setXAxisValues(range: FakeRange): void {
    this.queue(32, () => {
      this.ref.get().xValues = qualified(range);
    });
  }
}
