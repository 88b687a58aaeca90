import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { S3Client } from '@aws-sdk/client-s3';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { singleFlight } from '../concurrency/single-flight';
import type { Logger } from '../log/logger';
import { CredentialsUnavailableError, isExpiredCredentials } from './errors';
import type { LibraryConfig } from './types';

/** What the library's S3 access is built from. */
export interface LibraryS3Options {
  config: LibraryConfig;
  credentials: AwsCredentialIdentityProvider;
  forceRefresh: () => Promise<void>;
  log: Logger;
}

/**
 * The library's S3 client, with one recovery built in: when S3 answers ExpiredToken, credentials
 * are force-refreshed once (shared by every request that saw it) and the request is sent again
 * by a new client, because the SDK keeps using the credentials it memoized until five minutes
 * before their stated expiration.
 */
export class LibraryS3 {
  private client: S3Client;
  private readonly httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 32 });
  private readonly httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 32 });
  private readonly renew: () => Promise<void>;

  constructor(private readonly options: LibraryS3Options) {
    this.client = this.build();
    this.renew = singleFlight(async () => {
      await options.forceRefresh();
      // The old client is dropped, not destroyed: that would close the shared agents' sockets
      // under responses still streaming through it.
      this.client = this.build();
    });
  }

  private build(): S3Client {
    const { config, credentials } = this.options;
    const endpoint = config.endpoints?.s3;
    return new S3Client({
      region: config.region,
      // A custom endpoint (local-aws, a proxy) serves buckets by path, not by host name.
      ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
      // An access-point ARN names its own region, which may differ from the pools' region.
      useArnRegion: true,
      credentials: async (identityOptions) => {
        try {
          return await credentials(identityOptions);
        } catch (error) {
          throw new CredentialsUnavailableError(error);
        }
      },
      requestHandler: {
        httpAgent: this.httpAgent,
        httpsAgent: this.httpsAgent,
        connectionTimeout: 15_000,
        requestTimeout: 60_000,
      },
    });
  }

  /** Sends a request; after ExpiredToken it refreshes the credentials once and sends it again. */
  async send<T>(call: (client: S3Client) => Promise<T>): Promise<T> {
    const used = this.client;
    try {
      return await call(used);
    } catch (error) {
      if (!isExpiredCredentials(error)) throw error;
      this.options.log.info('S3 says the credentials expired: refreshing them and retrying once');
      // Another request may already have renewed the client since this one started.
      if (this.client === used) await this.renew();
      return call(this.client);
    }
  }

  /** Closes pooled connections; unusable afterwards. */
  destroy(): void {
    this.client.destroy();
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}
