// Which thumbnails may load now. A fast scroll mounts hundreds of tiles a second; if each asked
// for its image at once, the page would queue thousands of requests for tiles long gone (each
// one costing the page, and main, work) and the ones in view would wait behind them.

/** Loads at once: Chromium's connections per host, so none waits inside the browser either. */
export const THUMBNAIL_SLOTS = 6;

/**
 * A small FIFO of loads with at most `limit` running. Callers ask only for what is in view, and
 * leave (release) when it scrolls away, so the queue holds only thumbnails someone could see.
 */
export class LoadSlots {
  private running = 0;
  private readonly waiting = new Set<() => void>();

  constructor(private readonly limit: number) {}

  /**
   * Calls `start` once a slot is free (maybe at once). The returned function leaves the queue,
   * or frees the slot once the load is over; calling it more than once does nothing.
   */
  request(start: () => void): () => void {
    let state: 'waiting' | 'running' | 'done' = 'waiting';
    const begin = () => {
      state = 'running';
      this.running += 1;
      start();
    };
    const entry = () => begin();
    if (this.running < this.limit) begin();
    else this.waiting.add(entry);
    return () => {
      if (state === 'waiting') this.waiting.delete(entry);
      if (state === 'running') {
        this.running -= 1;
        this.pump();
      }
      state = 'done';
    };
  }

  /** Loads running and waiting, for tests. */
  get counts(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.size };
  }

  private pump(): void {
    for (const next of this.waiting) {
      if (this.running >= this.limit) return;
      this.waiting.delete(next);
      next();
    }
  }
}

/** The grid's shared slots. */
export const thumbnailSlots = new LoadSlots(THUMBNAIL_SLOTS);
