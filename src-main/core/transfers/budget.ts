/** The default number of S3 requests in flight across every file and part of the engine. */
export const DEFAULT_PARALLEL_TRANSFERS = 8;

/**
 * The number of requests the engine keeps in flight. HAKOBU_PARALLEL_TRANSFERS (1-64) wins so a
 * benchmark can sweep it without a config file; then `transfers.parallelTransfers`; then the
 * default. The old `concurrency` x `partConcurrency` pair only caps it when it is smaller, so
 * an IT config that locked `concurrency: 1` for a slow site still keeps the engine gentle.
 */
export function parallelTransfers(settings: {
  parallelTransfers?: number | undefined;
  concurrency: number;
  partConcurrency: number;
}): number {
  const fromEnv = Number(process.env.HAKOBU_PARALLEL_TRANSFERS);
  if (Number.isInteger(fromEnv) && fromEnv >= 1 && fromEnv <= 64) return fromEnv;
  const wanted = settings.parallelTransfers ?? DEFAULT_PARALLEL_TRANSFERS;
  return Math.max(1, Math.min(wanted, settings.concurrency * settings.partConcurrency));
}

/**
 * One pool of request slots shared by small files and the parts of big ones: 1,000 small files
 * run `limit` PutObjects at a time, one big file runs `limit` UploadParts. A slot is held only
 * while a request is on the wire (never across a retry's backoff), and a part's body stream is
 * opened only once it holds a slot, so memory is bounded by `limit` read buffers.
 */
export class RequestBudget {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private limit: number) {}

  /** Changes the number of slots; extra waiters start at once, a smaller limit applies as requests end. */
  setLimit(limit: number): void {
    this.limit = Math.max(1, limit);
    this.wake();
  }

  /** Runs `task` once a slot is free, and frees the slot when it settles. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    try {
      return await task();
    } finally {
      this.active--;
      this.wake();
    }
  }

  private wake(): void {
    while (this.active < this.limit && this.waiting.length > 0) {
      this.active++;
      this.waiting.shift()?.();
    }
  }
}
