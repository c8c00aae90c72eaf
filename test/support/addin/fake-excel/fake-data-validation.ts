import { subtract, type Area } from './area';
import { jsonBytes } from './fake-client';
import { intersects, type FakeDataValidation as FakeDvData } from './fake-model';
import { FakeRefObject } from './fake-ref-object';

export class FakeDataValidation extends FakeRefObject<Area> {
  protected override scalarNames(): readonly string[] {
    return ['rule', 'errorAlert', 'prompt', 'ignoreBlanks', 'type'];
  }

  private entries(): FakeDvData[] {
    const { sheet, area } = this.ref.get();
    return sheet.dataValidations.filter((d) => intersects(d.range, area));
  }

  protected override readScalar(name: string): unknown {
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
