import { FakeClientObject, fail, jsonBytes } from './fake-client';
import type { FakeRequestContext } from './fake-request-context';

export class FakeSettingCollection extends FakeClientObject {
  constructor(readonly ctx: FakeRequestContext) {
    super(ctx);
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

  protected override scalarNames(): readonly string[] {
    return ['key', 'value'];
  }

  protected override readScalar(name: string): unknown {
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
