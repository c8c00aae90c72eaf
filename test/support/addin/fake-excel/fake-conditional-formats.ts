import type { CellRange } from '../../../../src/core/grid/output-book';
import { subtract } from './area';
import { FakeClientObject, FakeOfficeError, fail, jsonBytes, type FakeRequestContextBase } from './fake-client';
import { contains, intersects, type FakeConditionalFormat as FakeCfData, type FakeSheet } from './fake-model';
import { FakeRefObject, Ref } from './fake-ref-object';

type CfTarget = { readonly sheet: FakeSheet; readonly areas: readonly CellRange[] };

export class FakeConditionalFormatCollection extends FakeRefObject<CfTarget> {
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

export class FakeConditionalFormat extends FakeRefObject<FakeCfData> {
  readonly custom: FakeCustomConditionalFormat;
  readonly customOrNullObject: FakeCustomConditionalFormat;
  readonly colorScale: FakeColorScaleConditionalFormat;
  readonly dataBar: FakeDataBarConditionalFormat;

  constructor(
    ctx: FakeRequestContextBase,
    ref: Ref<FakeCfData>,
    private readonly sheetOf: () => FakeSheet | undefined,
  ) {
    super(ctx, ref);
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

  protected override scalarNames(): readonly string[] {
    return ['type', 'priority', 'stopIfTrue', 'id'];
  }

  protected override readScalar(name: string): unknown {
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

  protected override navigation(name: string): FakeClientObject | undefined {
    if (name === 'rule') return this.rule;
    if (name === 'format') return this.format;
    return undefined;
  }
}

export class FakeConditionalFormatRule extends FakeRefObject<FakeCfData> {
  protected override scalarNames(): readonly string[] {
    return ['formula', 'formulaLocal'];
  }

  protected override readScalar(): unknown {
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

}

export class FakeColorScaleConditionalFormat extends FakeRefObject<FakeCfData> {
  protected override scalarNames(): readonly string[] {
    return ['criteria'];
  }

  protected override readScalar(): unknown {
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

export class FakeDataBarConditionalFormat extends FakeRefObject<FakeCfData> {
  protected override scalarNames(): readonly string[] {
    return ['barDirection'];
  }

  protected override readScalar(): unknown {
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
