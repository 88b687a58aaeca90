import { abortReason } from './retry';

/**
 * Runs `worker` over `items` with at most `concurrency()` at a time (read again whenever a
 * worker picks its next item, so a settings change applies to the running file). The first
 * failure aborts the siblings; the call settles only after every worker has stopped.
 */
export async function runPool<T>(
  items: readonly T[],
  concurrency: () => number,
  worker: (item: T, signal: AbortSignal) => Promise<void>,
  signal: AbortSignal,
): Promise<void> {
  const local = new AbortController();
  const forward = () => local.abort(abortReason(signal));
  signal.addEventListener('abort', forward, { once: true });
  let next = 0;
  let running = 0;
  let failure: { error: unknown } | undefined;

  try {
    await new Promise<void>((resolve) => {
      const pump = () => {
        while (
          !local.signal.aborted &&
          running < Math.max(1, concurrency()) &&
          next < items.length
        ) {
          const item = items[next++] as T;
          running++;
          worker(item, local.signal)
            .catch((error: unknown) => {
              if (!failure) {
                failure = { error };
                local.abort(error);
              }
            })
            .finally(() => {
              running--;
              pump();
            });
        }
        if (running === 0 && (local.signal.aborted || next >= items.length)) resolve();
      };
      pump();
    });
  } finally {
    signal.removeEventListener('abort', forward);
  }
  if (signal.aborted) throw abortReason(signal);
  if (failure) throw failure.error;
}
