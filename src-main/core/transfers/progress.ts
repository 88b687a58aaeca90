/** How far back the moving average of speed looks. */
const SPEED_WINDOW_MS = 5_000;

/**
 * Bytes sent for one item (or all of them), and its speed as a moving average over the last
 * few seconds of samples. Bytes of a failed attempt are taken back, so progress never counts
 * data that S3 did not keep.
 */
export class ProgressMeter {
  /** Bytes known to be on S3 from before this run (resumed parts); they do not count as speed. */
  private baseline = 0;
  private sentThisRun = 0;
  private samples: { at: number; sent: number }[] = [];

  /** Bytes sent, baseline included. */
  get sentBytes(): number {
    return this.baseline + this.sentThisRun;
  }

  /** Counts bytes as the HTTP layer consumes them. */
  add(bytes: number): void {
    this.sentThisRun += bytes;
  }

  /** Takes back bytes of an attempt that failed and will be sent again. */
  subtract(bytes: number): void {
    this.sentThisRun = Math.max(0, this.sentThisRun - bytes);
  }

  /** Starts over from bytes already safe on S3 (a resumed upload, or 0 on restart). */
  reset(alreadyOnS3: number): void {
    this.baseline = alreadyOnS3;
    this.sentThisRun = 0;
    this.samples = [];
  }

  /** Records the current count at `now`; call on every progress tick. */
  sample(now: number): void {
    this.samples.push({ at: now, sent: this.sentThisRun });
    while (this.samples.length > 2 && (this.samples[0]?.at ?? now) < now - SPEED_WINDOW_MS) {
      this.samples.shift();
    }
  }

  /** Stops the speed estimate (paused, finished): the next run starts a new window. */
  idle(): void {
    this.samples = [];
  }

  /** Bytes per second over the window, or undefined before two samples exist. */
  speed(): number | undefined {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || last.at <= first.at) return undefined;
    return Math.max(0, ((last.sent - first.sent) * 1000) / (last.at - first.at));
  }
}

/** Seconds left at `speed` bytes per second, or undefined when it cannot be estimated. */
export function etaSeconds(remainingBytes: number, speed: number | undefined): number | undefined {
  if (speed === undefined || speed <= 0) return undefined;
  return Math.ceil(Math.max(0, remainingBytes) / speed);
}

/** A repeating, unref'd timer that runs while `tick` returns true, and starts again on demand. */
export class Ticker {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly tick: () => boolean,
    private readonly intervalMs: number,
  ) {}

  /** Starts ticking unless it already is. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (!this.tick()) this.stop();
    }, this.intervalMs);
    this.timer.unref();
  }

  /** Stops ticking. */
  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
