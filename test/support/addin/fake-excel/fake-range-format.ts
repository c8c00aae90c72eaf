import { eachCell, type Area } from './area';
import { fail, type FakeClientObject, type FakeRequestContextBase } from './fake-client';
import { MAX_COLUMNS } from './fake-model';
import { FakeRefObject, type Ref } from './fake-ref-object';

export class FakeRangeFormat extends FakeRefObject<Area> {
  readonly font: FakeRangeFont;
  readonly fill: FakeRangeFill;
  readonly protection: FakeFormatProtection;

  constructor(ctx: FakeRequestContextBase, ref: Ref<Area>) {
    super(ctx, ref);
    this.font = new FakeRangeFont(ctx, ref);
    this.fill = new FakeRangeFill(ctx, ref);
    this.protection = new FakeFormatProtection(ctx, ref);
  }

  protected override scalarNames(): readonly string[] {
    return ['columnWidth', 'wrapText', 'horizontalAlignment', 'verticalAlignment'];
  }

  protected override readScalar(name: string): unknown {
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

export class FakeRangeFont extends FakeRefObject<Area> {
  protected override scalarNames(): readonly string[] {
    return ['bold', 'color'];
  }

  protected override readScalar(name: string): unknown {
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

export class FakeRangeFill extends FakeRefObject<Area> {
  protected override scalarNames(): readonly string[] {
    return ['color', 'pattern'];
  }

  protected override readScalar(name: string): unknown {
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

export class FakeFormatProtection extends FakeRefObject<Area> {
  protected override scalarNames(): readonly string[] {
    return ['locked', 'formulaHidden'];
  }

  protected override readScalar(name: string): unknown {
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
