import type { Logger } from '../log/logger';
import { parallelTransfers, RequestBudget } from './budget';
import { CredentialsUnavailableError } from './errors';
import { DEFAULT_RETRY } from './retry';
import type { S3Session } from './s3-call';
import { S3ClientHolder } from './s3-client';
import type { TransferConfig, TransferEngineOptions } from './types';

/** The S3 side of one engine: the client holder and the session every request goes through. */
export function createEngineSession(
  options: TransferEngineOptions,
  settings: TransferConfig['transfers'],
  log: Logger,
): { holder: S3ClientHolder; session: S3Session } {
  const holder = new S3ClientHolder(options.config, options.credentials, log);
  let refreshing: Promise<void> | undefined;
  // A single refresh serves every part that saw ExpiredToken at the same time.
  const refreshCredentials = (): Promise<void> => {
    refreshing ??= (async () => {
      try {
        await options.forceRefresh();
      } catch (error) {
        throw new CredentialsUnavailableError(error);
      }
      holder.renew();
    })().finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  };
  const session: S3Session = {
    holder,
    retry: { ...DEFAULT_RETRY, ...options.retry },
    refreshCredentials,
    log,
    probe: { headIsAmbiguous: false },
    budget: new RequestBudget(parallelTransfers(settings)),
  };
  return { holder, session };
}
