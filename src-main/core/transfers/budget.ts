/**
 * The default number of S3 requests in flight across every file and part of the engine. WHY 32:
 * a small file is one short request, so many small files are bound by round trips, not bytes;
 * side by side on the bench (1,000 x 256 KiB on loopback and 300 at +40 ms per request), 32
 * beat 8 and 16 in every run and 64 was no faster. Memory allows it: a small file in flight
 * holds at most 1 MiB, and a big file never runs more than MAX_PARTS_PER_FILE parts.
 */
export const DEFAULT_PARALLEL_TRANSFERS = 32;

/**
 * Parts of one file in flight at most. WHY 8: one big file was fastest at 8 parts in the bench's
 * sweeps (16 was no faster and held more read buffers); the rest of the budget serves other files.
 */
export const MAX_PARTS_PER_FILE = 8;

/**
 * The number of requests the engine keeps in flight. HAKOBU_PARALLEL_TRANSFERS (1-64) wins so a
 * benchmark can sweep it without a config file; then `transfers.parallelTransfers`; then the
 * default. The old `concurrency` x `partConcurrency` pair, where a config still sets it, only caps
 * it when it is smaller, so an IT config that locked `concurrency: 1` for a slow site still keeps
 * the engine gentle.
 */
export function parallelTransfers(settings: {
  parallelTransfers?: number | undefined;
  concurrency?: number | undefined;
  partConcurrency?: number | undefined;
}): number {
  const fromEnv = Number(process.env.HAKOBU_PARALLEL_TRANSFERS);
  if (Number.isInteger(fromEnv) && fromEnv >= 1 && fromEnv <= 64) return fromEnv;
  const wanted = settings.parallelTransfers ?? DEFAULT_PARALLEL_TRANSFERS;
  const cap =
    settings.concurrency !== undefined || settings.partConcurrency !== undefined
      ? (settings.concurrency ?? 1) * (settings.partConcurrency ?? 1)
      : Infinity;
  return Math.max(1, Math.min(wanted, cap));
}

/** Parts of one file sent at once: the budget, but never more than MAX_PARTS_PER_FILE. */
export function partsPerFile(budget: number): number {
  return Math.max(1, Math.min(budget, MAX_PARTS_PER_FILE));
}

/**
 * One pool of request slots shared by small files and the parts of big ones: 1,000 small files
 * run `limit` PutObjects at a time, big files share `limit` UploadParts. A slot is held only
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
