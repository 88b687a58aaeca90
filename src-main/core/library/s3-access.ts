import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { LookupFunction } from 'node:net';
import { S3Client } from '@aws-sdk/client-s3';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { singleFlight } from '../concurrency/single-flight';
import type { Logger } from '../log/logger';
import { localhostLookup, s3ClientAddressing, S3ClientPair, type S3Target } from '../s3-addressing';
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
 * The library's S3 clients, with one recovery built in: when S3 answers ExpiredToken, credentials
 * are force-refreshed once (shared by every request that saw it) and the request is sent again
 * by new clients, because the SDK keeps using the credentials it memoized until five minutes
 * before their stated expiration. Buckets and access points behind a custom endpoint are
 * addressed differently (see s3-addressing), so each has its own client.
 */
export class LibraryS3 {
  private clients: S3ClientPair;
  private readonly lookup: LookupFunction;
  private readonly httpAgent: HttpAgent;
  private readonly httpsAgent: HttpsAgent;
  private readonly renew: () => Promise<void>;

  constructor(private readonly options: LibraryS3Options) {
    this.lookup = localhostLookup(options.config.endpoints?.s3);
    this.httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 32, lookup: this.lookup });
    this.httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 32, lookup: this.lookup });
    this.clients = this.build();
    this.renew = singleFlight(async () => {
      await options.forceRefresh();
      // The old clients are dropped, not destroyed: that would close the shared agents' sockets
      // under responses still streaming through them.
      this.clients = this.build();
    });
  }

  private build(): S3ClientPair {
    return new S3ClientPair((target) => this.buildFor(target));
  }

  private buildFor(target: S3Target): S3Client {
    const { config, credentials } = this.options;
    return new S3Client({
      region: config.region,
      ...s3ClientAddressing(config.endpoints?.s3, target),
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

  /**
   * Sends a request to `bucket` (a bucket name or access point ARN, as the command's Bucket);
   * after ExpiredToken it refreshes the credentials once and sends it again.
   */
  async send<T>(bucket: string, call: (client: S3Client) => Promise<T>): Promise<T> {
    const used = this.clients;
    try {
      return await call(used.for(bucket));
    } catch (error) {
      if (!isExpiredCredentials(error)) throw error;
      this.options.log.info('S3 says the credentials expired: refreshing them and retrying once');
      // Another request may already have renewed the clients since this one started.
      if (this.clients === used) await this.renew();
      return call(this.clients.for(bucket));
    }
  }

  /** Closes pooled connections; unusable afterwards. */
  destroy(): void {
    this.clients.destroy();
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}
