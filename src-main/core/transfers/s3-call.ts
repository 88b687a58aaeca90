import type { S3Client } from '@aws-sdk/client-s3';
import type { Logger } from '../log/logger';
import type { RequestBudget } from './budget';
import { s3ErrorCode } from './errors';
import { withRetry } from './retry';
import type { S3ClientHolder } from './s3-client';
import type { RetryOptions } from './types';

/** What every S3 call of the engine shares: the client, the retry policy, the refresh hook. */
export interface S3Session {
  holder: S3ClientHolder;
  retry: RetryOptions;
  /** Single-flight credentials refresh that also swaps in a new client. */
  refreshCredentials(): Promise<void>;
  log: Logger;
  /** Learned once per session: whether HeadObject answers 403 for keys that do not exist. */
  probe: {
    headIsAmbiguous: boolean;
    /** Set to false once the target answered a conditional write with 501 Not Implemented. */
    conditionalWrites?: boolean;
  };
  /** The engine-wide request slots every attempt of every call waits for. */
  budget?: RequestBudget;
}

/**
 * Sends one S3 request to `bucket` (a bucket name or access point ARN) with the engine's retries.
 * `send` builds its command afresh on every attempt, since a request body stream can only be
 * consumed once.
 */
export function callS3<T>(
  session: S3Session,
  bucket: string,
  signal: AbortSignal,
  send: (client: S3Client, signal: AbortSignal) => Promise<T>,
  onRetry?: (error: unknown) => void,
): Promise<T> {
  const attempt = () => send(session.holder.current(bucket), signal);
  const budget = session.budget;
  return withRetry(budget ? () => budget.run(attempt) : attempt, {
    signal,
    options: session.retry,
    refreshCredentials: () => session.refreshCredentials(),
    onRetry: (error, attempt) => {
      session.log.debug(
        `retrying after attempt ${attempt}: ${s3ErrorCode(error) || String(error)}`,
      );
      onRetry?.(error);
    },
  });
}
