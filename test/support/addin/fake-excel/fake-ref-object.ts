import { FakeClientObject, type FakeRequestContextBase } from './fake-client';

/** A reference resolved once, when the first queued operation needs it (as Excel binds an object path). */
export class Ref<T> {
  private value: T | undefined;
  constructor(private readonly resolve: () => T) {}
  get(): T {
    this.value ??= this.resolve();
    return this.value;
  }
}

/** A proxy that stands for one model object (a sheet, an area, a rule, a chart), reached through its `ref`. */
export abstract class FakeRefObject<T> extends FakeClientObject {
  constructor(
    context: FakeRequestContextBase,
    protected readonly ref: Ref<T>,
    nullCheck?: () => boolean,
  ) {
    super(context, nullCheck);
  }
}
