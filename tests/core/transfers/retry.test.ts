import { describe, expect, it } from 'vitest';
import { backoffDelay, isRetryable, withRetry } from '../../../src-main/core/transfers/retry';

const netError = (code: string) => Object.assign(new Error(`connect ${code}`), { code });
const fast = { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 2 };

describe('retry', () => {
  it('keeps every backoff below its exponential, capped ceiling (full jitter)', () => {
    const options = { maxAttempts: 6, baseDelayMs: 100, maxDelayMs: 1_000 };
    expect(backoffDelay(0, options, () => 0.999)).toBeLessThan(100);
    expect(backoffDelay(3, options, () => 0.999)).toBeLessThan(800);
    expect(backoffDelay(10, options, () => 0.999)).toBeLessThan(1_000);
    expect(backoffDelay(10, options, () => 0)).toBe(0);
  });

  it('treats connection resets, broken pipes and hang-ups as transient', () => {
    expect(isRetryable(netError('ECONNRESET'))).toBe(true);
    expect(isRetryable(netError('EPIPE'))).toBe(true);
    expect(isRetryable(new Error('socket hang up'))).toBe(true);
    expect(isRetryable(new Error('invalid argument'))).toBe(false);
  });

  it('retries until success and reports each retried attempt', async () => {
    const seen: number[] = [];
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls++;
        if (calls < 3) throw netError('ECONNRESET');
        return 'ok';
      },
      {
        signal: new AbortController().signal,
        options: fast,
        refreshCredentials: async () => undefined,
        onRetry: (_e, n) => seen.push(n),
      },
    );
    expect(result).toBe('ok');
    expect(seen).toEqual([1, 2]);
  });

  it('gives up after maxAttempts with the last error', async () => {
    let calls = 0;
    const run = withRetry(
      async () => {
        calls++;
        throw netError('EPIPE');
      },
      {
        signal: new AbortController().signal,
        options: fast,
        refreshCredentials: async () => undefined,
      },
    );
    await expect(run).rejects.toThrow('EPIPE');
    expect(calls).toBe(4);
  });

  it('stops at once, without a backoff, when the item is paused mid-attempt', async () => {
    const controller = new AbortController();
    const run = withRetry(
      async () => {
        controller.abort(new Error('paused'));
        throw netError('ECONNRESET');
      },
      {
        signal: controller.signal,
        options: { maxAttempts: 5, baseDelayMs: 60_000, maxDelayMs: 60_000 },
        refreshCredentials: async () => undefined,
      },
    );
    await expect(run).rejects.toThrow('paused');
  });
});
