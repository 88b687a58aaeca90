/** Bounds for reconnecting to the harness: fast at first, never hammering a server that is down. */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export const defaultBackoff: BackoffOptions = { baseMs: 250, maxMs: 5_000 };

/**
 * The wait before reconnect attempt `attempt` (0 for the first): exponential with "equal jitter",
 * so it always waits at least half the step and many tabs do not reconnect in lockstep.
 */
export function reconnectDelay(
  attempt: number,
  options: BackoffOptions = defaultBackoff,
  random: () => number = Math.random,
): number {
  const step = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt));
  return Math.round(step / 2 + (random() * step) / 2);
}
