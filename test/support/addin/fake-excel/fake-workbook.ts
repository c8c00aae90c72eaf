import { FakeClientObject, fail, jsonBytes } from './fake-client';
import type { FakeSheet } from './fake-model';
import { Ref } from './fake-ref-object';
import type { FakeRequestContext } from './fake-request-context';
import { FakeSettingCollection } from './fake-settings';
import { FakeWorksheet } from './fake-worksheet';

export class FakeWorkbook extends FakeClientObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly settings: FakeSettingCollection;

  constructor(readonly ctx: FakeRequestContext) {
    super(ctx);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.settings = new FakeSettingCollection(ctx);
  }

  protected override scalarNames(): readonly string[] {
    return ['name'];
  }

  protected override readScalar(): unknown {
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
