/**
 * Request bytes PHU queues before it syncs. Excel on the web refuses a
 * request over 5 MB; the margin covers Office.js's own framing of each
 * command, which PHU does not see.
 */
export const WRITE_CHUNK_BYTES = 4_000_000;

/** The JSON size of a value as it would travel in a request. */
export function payloadBytes(v: unknown): number {
  return v === undefined ? 0 : JSON.stringify(v).length;
}

/**
 * Counts what is queued on a context and syncs before a write would carry
 * the request past the budget, so any amount of data goes in as few round
 * trips as the limit allows.
 */
export class WriteBudget {
  private queued = 0;
  /** Round trips this budget made. */
  syncs = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly limit = WRITE_CHUNK_BYTES,
  ) {}

  /** Makes room for `bytes` more: syncs first when they would not fit. */
  async reserve(bytes: number): Promise<void> {
    if (this.queued > 0 && this.queued + bytes > this.limit) await this.flush();
    this.queued += bytes;
  }

  /** Sends what is queued. */
  async flush(): Promise<void> {
    await this.context.sync();
    this.syncs++;
    this.queued = 0;
  }

  /** Bytes queued since the last sync. */
  get pending(): number {
    return this.queued;
  }
}
