import { FakeBatch, type FakeContextHost, type FakeRequestContextBase } from './fake-client';
import type { FakeWorkbookModel } from './fake-model';
import { FakeWorkbook } from './fake-workbook';

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
