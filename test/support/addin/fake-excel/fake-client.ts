/**
 * The request/sync machinery of the Office.js stand-in: every property set,
 * method call and load is queued and only runs at `context.sync()`, in
 * order, as in Excel. Loaded values become readable after that sync;
 * reading one that was not loaded throws, as Excel does. Syncs and payload
 * bytes are counted so tests and the benchmark can hold the adapter to its
 * round-trip budget.
 */

/** An error as Office.js raises it: `code` is one of Excel's error codes. */
export class FakeOfficeError extends Error {
  readonly debugInfo: { readonly code: string; readonly message: string };

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message };
  }
}

/** Throws as Office.js does when a queued operation fails. */
export function fail(code: string, message: string): never {
  throw new FakeOfficeError(code, message);
}

/** What the host counts; reset with `resetStats`. */
export interface FakeStats {
  /** Number of `context.sync()` round trips (including the final one of `Excel.run`). */
  syncs: number;
  /** Bytes sent to the host over all syncs (JSON of queued operations). */
  requestBytes: number;
  /** Bytes received back (JSON of loaded values). */
  responseBytes: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** Queued operations executed. */
  operations: number;
}

export function emptyStats(): FakeStats {
  return { syncs: 0, requestBytes: 0, responseBytes: 0, maxRequestBytes: 0, maxResponseBytes: 0, operations: 0 };
}

/** Where a context reports to: the host's counters and limits. */
export interface FakeContextHost {
  readonly stats: FakeStats;
  /** Excel on the web refuses a request or response above 5 MB; Infinity for desktop. */
  readonly payloadLimit: number;
}

interface Operation {
  readonly bytes: number;
  /** Runs against the model; returns the response bytes it produced. */
  readonly run: () => number;
}

/** The JSON size of a value as it would travel (0 for undefined). */
export function jsonBytes(v: unknown): number {
  if (v === undefined) return 0;
  if (typeof v === 'number') return String(v).length;
  if (typeof v === 'boolean') return v ? 4 : 5;
  if (typeof v === 'string') return v.length + 2;
  return JSON.stringify(v).length;
}

/** Per-operation framing in the request (object path, method name). */
const OPERATION_OVERHEAD = 24;

/** The queue of one request context. */
export class FakeBatch {
  private queue: Operation[] = [];

  constructor(private readonly host: FakeContextHost) {}

  enqueue(bytes: number, run: () => number | void): void {
    this.queue.push({ bytes: bytes + OPERATION_OVERHEAD, run: () => run() ?? 0 });
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const stats = this.host.stats;
    stats.syncs++;
    const request = ops.reduce((s, o) => s + o.bytes, 0);
    stats.requestBytes += request;
    stats.maxRequestBytes = Math.max(stats.maxRequestBytes, request);
    if (request > this.host.payloadLimit) {
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `The request payload size (${String(request)} bytes) has exceeded the limit.`);
    }
    let response = 0;
    for (const op of ops) {
      stats.operations++;
      response += op.run();
    }
    stats.responseBytes += response;
    stats.maxResponseBytes = Math.max(stats.maxResponseBytes, response);
    if (response > this.host.payloadLimit) {
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `The response payload size (${String(response)} bytes) has exceeded the limit.`);
    }
    await Promise.resolve();
  }
}

/** What `load` accepts: `'a,b/c'`, `['a', 'b/c']`, or `{ a: true, b: { c: true } }`. */
export type LoadSpec = string | readonly string[] | { readonly [k: string]: unknown } | undefined;

/** The load paths of a spec, each split into segments. An empty list means "every scalar". */
export function loadPaths(spec: LoadSpec): string[][] {
  if (spec === undefined) return [];
  if (typeof spec === 'string') return spec.split(',').map((s) => s.trim()).filter((s) => s !== '').map((s) => s.split('/'));
  if (Array.isArray(spec)) return (spec as readonly string[]).flatMap((s) => loadPaths(s));
  const out: string[][] = [];
  const walk = (o: { readonly [k: string]: unknown }, prefix: string[]): void => {
    for (const [k, v] of Object.entries(o)) {
      if (k.startsWith('$')) continue;
      if (v === true) out.push([...prefix, k]);
      else if (typeof v === 'object' && v !== null) walk(v as { readonly [k: string]: unknown }, k === 'items' ? [...prefix, 'items'] : [...prefix, k]);
    }
  };
  walk(spec as { readonly [k: string]: unknown }, []);
  return out;
}

/**
 * Base of every proxy object. Subclasses say which scalars they have
 * (read from the model when the load runs) and which navigation properties
 * lead to other proxies.
 */
export abstract class FakeClientObject {
  private readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;
  private readonly nullCheck: (() => boolean) | undefined;

  /**
   * @param nullCheck for `*OrNullObject` proxies: whether the object is missing
   * @param queued true for proxies made by a method call, whose null check runs
   *   in queue order; navigation proxies (`customOrNullObject`) check when loaded
   */
  constructor(
    readonly context: FakeRequestContextBase,
    nullCheck?: () => boolean,
    queued = true,
  ) {
    this.nullCheck = nullCheck;
    if (nullCheck && queued) {
      context.batch.enqueue(8, () => {
        this.nullState = nullCheck();
        return 6;
      });
    }
  }

  /** True when an `*OrNullObject` call found nothing; readable after sync only. */
  get isNullObject(): boolean {
    if (!this.nullCheck) return false;
    if (this.nullState === undefined) throw notLoaded('isNullObject');
    return this.nullState;
  }

  /** Scalar names loaded by a bare `load()`; none for collections and objects that only lead to others. */
  protected scalarNames(): readonly string[] {
    return [];
  }

  /** The current value of a scalar, read from the model when the load runs. */
  protected readScalar(_name: string): unknown {
    return undefined;
  }

  /** A navigation property's proxy (`format`, `fill`, `protection`). */
  protected navigation(_name: string): FakeClientObject | undefined {
    return undefined;
  }

  /** Collection items, when this is a collection. */
  protected collectionItems(): FakeClientObject[] | undefined {
    return undefined;
  }

  load(spec?: LoadSpec): this {
    const paths = loadPaths(spec);
    this.context.batch.enqueue(jsonBytes(spec ?? ''), () => this.loadNow(paths));
    return this;
  }

  /** Runs a load now (inside a sync); returns the response bytes. */
  loadNow(paths: string[][]): number {
    if (this.nullCheck) {
      this.nullState ??= this.nullCheck();
      if (this.nullState) return 4;
    }
    const items = this.collectionItems();
    if (items !== undefined) {
      this.loaded.set('items', items);
      // `items/name` and the object form `{ name: true }` both load the items' properties.
      const rest = paths.map((p) => (p[0] === 'items' ? p.slice(1) : p)).filter((p) => p.length > 0);
      return 2 + items.reduce((s, it) => s + it.loadNow(rest), 0);
    }
    const wanted = paths.length === 0 ? this.scalarNames().map((n) => [n]) : paths;
    const byHead = new Map<string, string[][]>();
    for (const p of wanted) {
      const [head, ...rest] = p;
      if (head === undefined) continue;
      const list = byHead.get(head) ?? [];
      if (rest.length > 0) list.push(rest);
      byHead.set(head, list);
    }
    let bytes = 2;
    for (const [head, rest] of byHead) {
      const nav = this.navigation(head);
      if (nav) {
        bytes += nav.loadNow(rest);
        continue;
      }
      if (!this.scalarNames().includes(head)) throw new FakeOfficeError('PropertyNotFound', `The property '${head}' does not exist on this object.`);
      const v = this.readScalar(head);
      this.loaded.set(head, v);
      bytes += head.length + 3 + jsonBytes(v);
    }
    return bytes;
  }

  /** A loaded value; throws as Excel does when it was not loaded and synced. */
  protected loadedValue<T>(name: string): T {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as T;
  }

  /** Keeps a proxy's copy in step with a value it just set (Office.js does the same). */
  protected remember(name: string, value: unknown): void {
    if (this.loaded.has(name)) this.loaded.set(name, value);
  }

  /** Sets a property: the proxy's loaded copy at once, the model at the next sync. */
  protected assign(name: string, value: unknown, apply: () => void): void {
    this.remember(name, value);
    this.queue(jsonBytes(value), apply);
  }

  /** Queues a model change. */
  protected queue(bytes: number, run: () => void): void {
    this.context.batch.enqueue(bytes, () => {
      run();
      return 0;
    });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

export function notLoaded(name: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** The part of a request context the proxies need. */
export interface FakeRequestContextBase {
  readonly batch: FakeBatch;
}
