import type { CellRange } from '../../../../src/core/grid/output-book';
import type { Area } from './area';
import { fail, jsonBytes, type FakeClientObject } from './fake-client';
import { FakeChartCollection } from './fake-charts';
import { MAX_COLUMNS, MAX_ROWS, parseArea, type FakeSheet } from './fake-model';
import { FakeRange, FakeRangeAreas } from './fake-range';
import { FakeRefObject, Ref } from './fake-ref-object';
import type { FakeRequestContext } from './fake-request-context';

const WHOLE_SHEET: CellRange = { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 };

export class FakeWorksheet extends FakeRefObject<FakeSheet> {
  readonly protection: FakeWorksheetProtection;
  readonly freezePanes: FakeFreezePanes;
  readonly autoFilter: FakeAutoFilter;
  readonly charts: FakeChartCollection;

  constructor(
    readonly ctx: FakeRequestContext,
    ref: Ref<FakeSheet>,
    nullCheck?: () => boolean,
  ) {
    super(ctx, ref, nullCheck);
    this.protection = new FakeWorksheetProtection(ctx, ref);
    this.freezePanes = new FakeFreezePanes(ctx, ref);
    this.autoFilter = new FakeAutoFilter(ctx, ref);
    this.charts = new FakeChartCollection(ctx, ref);
  }

  protected override scalarNames(): readonly string[] {
    return ['name', 'position', 'visibility', 'id'];
  }

  protected override readScalar(name: string): unknown {
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
    this.assign('name', v, () => {
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

export class FakeWorksheetProtection extends FakeRefObject<FakeSheet> {
  protected override scalarNames(): readonly string[] {
    return ['protected', 'options'];
  }

  protected override readScalar(name: string): unknown {
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

export class FakeFreezePanes extends FakeRefObject<FakeSheet> {
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

export class FakeAutoFilter extends FakeRefObject<FakeSheet> {
  protected override scalarNames(): readonly string[] {
    return ['enabled'];
  }

  protected override readScalar(): unknown {
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
