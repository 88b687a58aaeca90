import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { Logger } from '../log/logger';

// TEMPORARY structural copy of the config type until src-main/core/config lands; it names only
// what it must, so switching to the import is a one-line change.
/** The parts of the Hakobu configuration the transfer engine reads. */
export interface TransferConfig {
  region: string;
  endpoints?: { cognitoIdp?: string; cognitoIdentity?: string; s3?: string };
  locations: { name: string; bucket: string; prefix: string; access: 'readwrite' | 'read' }[];
  transfers: {
    concurrency: number;
    partConcurrency: number;
    partSizeMiB: number;
    conflictPolicy: 'ask' | 'overwrite' | 'skip' | 'rename';
  };
}

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
