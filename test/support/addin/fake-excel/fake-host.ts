import type { WorkbookGrid } from '../../../../src/core/grid/sheet-grid';
import type { Scalar } from '../../../../src/core/grid/scalar';
import { emptyStats, FakeOfficeError, type FakeStats } from './fake-client';
import { FakeWorkbookModel, type FakeSheet, type FakeValue } from './fake-model';
import { FakeRequestContext } from './fake-request-context';

/** Options of the stand-in host. */
export interface FakeHostOptions {
  /**
   * Largest request or response of one sync, in bytes. Excel on the web
   * refuses more than 5 MB; pass Infinity to behave like desktop.
   */
  readonly payloadLimit?: number;
  /** `OfficeOnline`, `PC` or `Mac`; only reported through `Office.context.diagnostics`. */
  readonly platform?: string;
  /** Requirement sets the host claims, name -> highest version (default: ExcelApi 1.17). */
  readonly requirementSets?: Readonly<Record<string, string>>;
  readonly displayLanguage?: string;
}

/** Excel's serial day of a Date (UTC midnight), as Office.js hands dates. */
export function dateToSerial(d: Date): number {
  return Math.round((d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);
}

function fakeValueOf(v: Scalar): { value: FakeValue; formula?: string; date?: boolean } {
  if (v === null) return { value: null };
  if (v instanceof Date) return { value: dateToSerial(v), date: true };
  if (typeof v === 'object') return 'error' in v ? { value: { error: v.error } } : { value: null, formula: `=${v.uncalculated}` };
  return { value: v };
}

/** A custom function error as the runtime builds it. */
class FakeCustomFunctionError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

const ERROR_CODES = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

function versionAtLeast(have: string, want: string): boolean {
  const a = have.split('.').map(Number);
  const b = want.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

/**
 * An in-memory Excel with the Office.js surface PHU uses: `Excel.run`,
 * request contexts whose proxies queue commands until `sync()`, loaded
 * values readable only after that sync, Excel's 5 MB payload limit, and a
 * count of syncs and payload bytes. Runs in Node (tests, benchmark) and in
 * a browser page (the task pane test), where `install()` puts `Office`,
 * `Excel` and `CustomFunctions` on the window.
 */
export class FakeExcelHost {
  readonly model = new FakeWorkbookModel();
  stats: FakeStats = emptyStats();
  readonly payloadLimit: number;
  /** Custom functions the add-in registered, by id. */
  readonly functions = new Map<string, (...args: unknown[]) => unknown>();
  /** Workbooks opened through `Excel.createWorkbook`, as base64. */
  readonly createdWorkbooks: string[] = [];
  private readonly options: FakeHostOptions;

  constructor(options: FakeHostOptions = {}) {
    this.options = options;
    this.payloadLimit = options.payloadLimit ?? 5 * 1024 * 1024;
  }

  resetStats(): void {
    this.stats = emptyStats();
  }

  /** A fresh request context, as `Excel.run` gives one. */
  newContext(): FakeRequestContext {
    return new FakeRequestContext(this.model, this);
  }

  /** Replaces the workbook's sheets with a grid's (dates become serial numbers with a date format). */
  loadGrid(book: WorkbookGrid): void {
    this.model.sheets.splice(0, this.model.sheets.length);
    this.model.activeSheet = undefined;
    for (const g of book.sheets) {
      const s = this.model.addSheet(g.name);
      g.rows.forEach((row, r) =>
        row?.forEach((v, c) => {
          const f = fakeValueOf(v);
          s.setValue(r, c, f.value);
          if (f.formula !== undefined) s.setFormula(r, c, f.formula);
          if (f.date) s.setNumberFormat(r, c, 'dd/mm/yyyy');
        }),
      );
    }
  }

  /** The sheet called `name`, or throws: for assertions. */
  sheet(name: string): FakeSheet {
    const s = this.model.sheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** Excel's `Excel` namespace, as much as PHU uses. */
  get Excel(): Record<string, unknown> {
    const run = async <T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> => {
      const context = this.newContext();
      const result = await batch(context);
      // Excel.run sends whatever is still queued when the batch returns.
      if (context.batch.pending > 0) await context.sync();
      return result;
    };
    return {
      run,
      createWorkbook: (base64?: string): Promise<void> => {
        this.createdWorkbooks.push(base64 ?? '');
        return Promise.resolve();
      },
      ErrorCodes: { itemNotFound: 'ItemNotFound', itemAlreadyExists: 'ItemAlreadyExists', invalidArgument: 'InvalidArgument', accessDenied: 'AccessDenied' },
    };
  }

  /** The `Office` namespace: readiness, requirement sets, diagnostics. */
  get Office(): Record<string, unknown> {
    const sets = this.options.requirementSets ?? { ExcelApi: '1.17', SharedRuntime: '1.1', CustomFunctionsRuntime: '1.4' };
    const platform = this.options.platform ?? 'OfficeOnline';
    const info = { host: 'Excel', platform };
    return {
      HostType: { Excel: 'Excel' },
      PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac' },
      onReady: (cb?: (i: typeof info) => void): Promise<typeof info> => {
        cb?.(info);
        return Promise.resolve(info);
      },
      context: {
        displayLanguage: this.options.displayLanguage ?? 'vi-VN',
        diagnostics: { host: 'Excel', platform, version: '16.0.0.0' },
        requirements: { isSetSupported: (name: string, version = '1.1'): boolean => sets[name] !== undefined && versionAtLeast(sets[name], version) },
      },
      addin: { showAsTaskpane: (): Promise<void> => Promise.resolve(), setStartupBehavior: (): Promise<void> => Promise.resolve() },
      actions: { associate: (): void => undefined },
    };
  }

  /** The custom functions runtime: `associate`, `Error`, `ErrorCode`. */
  get CustomFunctions(): Record<string, unknown> {
    const associate = (id: string | Record<string, (...a: unknown[]) => unknown>, fn?: (...a: unknown[]) => unknown): void => {
      if (typeof id === 'string') {
        if (fn) this.functions.set(id.toUpperCase(), fn);
      } else {
        for (const [k, f] of Object.entries(id)) this.functions.set(k.toUpperCase(), f);
      }
    };
    return { associate, Error: FakeCustomFunctionError, ErrorCode: ERROR_CODES };
  }

  /** Puts `Office`, `Excel` and `CustomFunctions` on a global object (the window, or Node's global). */
  install(target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): void {
    target.Office = this.Office;
    target.Excel = this.Excel;
    target.CustomFunctions = this.CustomFunctions;
  }

  /** Calls a registered custom function as Excel would (arguments as matrices or scalars). */
  callFunction(id: string, ...args: unknown[]): unknown {
    const f = this.functions.get(id.toUpperCase());
    if (!f) throw new FakeOfficeError('ItemNotFound', `No custom function ${id}.`);
    return f(...args);
  }
}
