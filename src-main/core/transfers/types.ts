import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { TransferItemView } from '../../contract/views';
import type { HakobuConfig } from '../config';
import type { Logger } from '../log/logger';

/** The parts of the Hakobu configuration the transfer engine reads (a whole HakobuConfig fits). */
export type TransferConfig = Pick<HakobuConfig, 'region' | 'endpoints' | 'locations' | 'transfers'>;

/** How patient the engine is with transient failures (see retry.ts). */
export interface RetryOptions {
  /** Attempts per request, the first one included. */
  maxAttempts: number;
  /** The backoff ceiling doubles from this on every attempt (full jitter below it). */
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Everything the engine needs from the outside world; no Electron, no UI. */
export interface TransferEngineOptions {
  config: TransferConfig;
  /** The Identity Pool identity ID, which every key starts with. */
  identityId: string;
  credentials: AwsCredentialIdentityProvider;
  /** Fetches new credentials now (after S3 answered ExpiredToken). */
  forceRefresh: () => Promise<void>;
  /**
   * Where queued items and multipart progress are journaled. Use one folder per identity:
   * items journaled for another identity are left untouched.
   */
  journalDir: string;
  retry?: Partial<RetryOptions>;
  /** Receives retries, restarts and failures (already redacted by the logger). */
  logger?: Logger;
}

/** Where enqueued files go. */
export interface EnqueueOptions {
  /** A configured location name; the first writable one when omitted. */
  location?: string;
  /** A folder below the location's prefix, e.g. `2024/trip`. */
  folder?: string;
}

/** What an enqueue added, and what it left out without making an item of it. */
export interface EnqueueOutcome {
  /** One item per file found, queued or (when it cannot go) failed. */
  items: TransferItemView[];
  /**
   * Symbolic links below a dropped folder that point outside it, relative to the folder's
   * parent (`photos/home-link`): skipped, for the caller to mention in one note.
   */
  skippedLinks: string[];
}
