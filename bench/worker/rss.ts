/** How often RSS is read while an upload runs; a busy event loop stretches it, never shrinks it. */
const SAMPLE_MS = 10;

/** Watches the process's resident set size; stop() returns the highest value seen. */
export interface RssSampler {
  stop(): number;
}

/** Starts sampling this process's RSS until stop() is called. */
export function startRssSampler(): RssSampler {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, SAMPLE_MS);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}

/**
 * RSS after a full collection when the worker runs with --expose-gc, so each repetition starts
 * from the same floor and garbage of the previous one does not count against it.
 */
export function settledRss(): number {
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  return process.memoryUsage.rss();
}

/** The kernel's peak RSS of this process so far, in bytes (Node reports ru_maxrss in KiB everywhere). */
export function kernelPeakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}
