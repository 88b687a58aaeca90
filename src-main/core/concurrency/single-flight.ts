/**
 * Wraps an async task so at most one run is in flight: callers arriving while it runs share its
 * promise (no stampede), and the next call after it settles starts a fresh run.
 */
export function singleFlight<T>(task: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | undefined;
  return () => {
    inFlight ??= task().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
}
