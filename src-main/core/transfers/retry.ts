import { CredentialsUnavailableError, FileChangedError, s3ErrorCode, s3HttpStatus } from './errors';
import type { RetryOptions } from './types';

/** Defaults: six attempts with backoff ceilings of 0.25 s, 0.5 s, 1 s, 2 s, 4 s (capped at 20 s). */
export const DEFAULT_RETRY: RetryOptions = { maxAttempts: 6, baseDelayMs: 250, maxDelayMs: 20_000 };

const RETRYABLE_CODES = new Set([
  'SlowDown',
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'RequestTimeout',
  'RequestTimeoutException',
  'InternalError',
  'ServiceUnavailable',
  'IncompleteBody',
  'BadDigest',
  'TimeoutError',
]);
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EAI_AGAIN',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'ERR_STREAM_PREMATURE_CLOSE',
]);
const EXPIRED_CODES = new Set(['ExpiredToken', 'ExpiredTokenException', 'TokenRefreshRequired']);

function isNetworkError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  if (code && NETWORK_CODES.has(code)) return true;
  if (/socket hang up|ECONNRESET|EPIPE|network/iu.test(error.message)) return true;
  return error.cause !== undefined && isNetworkError(error.cause);
}

/** True for failures that may pass on a later attempt: 5xx, throttling, resets, timeouts. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof FileChangedError) return false;
  if (error instanceof CredentialsUnavailableError) return isNetworkError(error.cause);
  const status = s3HttpStatus(error);
  if (status !== undefined && (status >= 500 || status === 429)) return true;
  if (RETRYABLE_CODES.has(s3ErrorCode(error))) return true;
  return status === undefined && isNetworkError(error);
}

/** True when S3 says the session credentials have expired. */
export function isExpiredToken(error: unknown): boolean {
  return EXPIRED_CODES.has(s3ErrorCode(error));
}

/** Full jitter: a uniform delay below an exponentially growing, capped ceiling. */
export function backoffDelay(retry: number, options: RetryOptions, random = Math.random): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/** Resolves after `ms`, or rejects at once with the signal's reason when it aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** The error to throw for an aborted signal: its reason when it is an Error. */
export function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  return Object.assign(new Error('The operation was aborted'), { name: 'AbortError' });
}

export interface RetryContext {
  signal: AbortSignal;
  options: RetryOptions;
  /** Fetches new credentials (shared by every request in flight). */
  refreshCredentials: () => Promise<void>;
  /** Told about each failed attempt that will be retried, e.g. to un-count its bytes. */
  onRetry?: (error: unknown, attempt: number) => void;
}

/**
 * Runs `attempt` until it succeeds, a non-retryable error occurs, or attempts run out. An
 * ExpiredToken refreshes the credentials once, then retries; a second one in a row gives up.
 */
export async function withRetry<T>(
  attempt: (n: number) => Promise<T>,
  ctx: RetryContext,
): Promise<T> {
  let refreshedForExpiry = false;
  for (let n = 1; ; n++) {
    if (ctx.signal.aborted) throw abortReason(ctx.signal);
    try {
      return await attempt(n);
    } catch (error) {
      if (ctx.signal.aborted) throw abortReason(ctx.signal);
      const expired = isExpiredToken(error);
      if (n >= ctx.options.maxAttempts) throw error;
      if (expired && refreshedForExpiry) throw error;
      if (!expired && !isRetryable(error)) throw error;
      ctx.onRetry?.(error, n);
      if (expired) {
        refreshedForExpiry = true;
        await ctx.refreshCredentials();
      } else {
        refreshedForExpiry = false;
        await sleep(backoffDelay(n - 1, ctx.options), ctx.signal);
      }
    }
  }
}
