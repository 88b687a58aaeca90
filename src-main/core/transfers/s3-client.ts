import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { S3Client } from '@aws-sdk/client-s3';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { Logger } from '../log/logger';
import { localhostLookup, s3ClientAddressing, S3ClientPair, type S3Target } from '../s3-addressing';
import type { DirectPutContext } from './direct-put/send-put';
import { objectUrlBase, type ObjectUrlBase } from './direct-put/object-url';
import { CredentialsUnavailableError } from './errors';
import type { TransferConfig } from './types';

const CONNECTION_TIMEOUT_MS = 15_000;
// Idle-socket limit, not a total: a slow link may take long, but must not go silent.
const REQUEST_TIMEOUT_MS = 120_000;

/**
 * Hands out the S3 clients, and new ones after the credentials were force-refreshed: the SDK
 * memoizes credentials until five minutes before their expiration, so a client that saw
 * ExpiredToken could otherwise keep signing with the stale keys. Buckets and access points
 * behind a custom endpoint are addressed differently (see s3-addressing), so each has its own
 * client. All clients share one pair of keep-alive agents, so replacing a client costs no
 * connections.
 */
export class S3ClientHolder {
  private clients: S3ClientPair;
  private readonly httpAgent: HttpAgent;
  private readonly httpsAgent: HttpsAgent;

  constructor(
    private readonly config: TransferConfig,
    private readonly credentials: AwsCredentialIdentityProvider,
    private readonly log: Logger,
  ) {
    const lookup = localhostLookup(config.endpoints?.s3);
    this.httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 64, lookup });
    this.httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 64, lookup });
    this.clients = this.build();
  }

  private build(): S3ClientPair {
    return new S3ClientPair((target) => this.buildFor(target));
  }

  private buildFor(target: S3Target): S3Client {
    const provider = this.credentials;
    const log = this.log;
    return new S3Client({
      region: this.config.region,
      ...s3ClientAddressing(this.config.endpoints?.s3, target),
      // An access-point ARN names its own region, which may differ from the pools' region.
      useArnRegion: true,
      // The engine retries every call itself (retry.ts) with a fresh body stream each time; the
      // SDK cannot replay a consumed stream, so its own retries stay off.
      maxAttempts: 1,
      // Marks failures of the provider, so they read as "sign in again", not as S3 errors.
      credentials: async (options) => {
        try {
          return await provider(options);
        } catch (error) {
          throw new CredentialsUnavailableError(error);
        }
      },
      // Without a logger the SDK warns on the console about every failed streaming upload,
      // which the engine retries anyway. Its errors are debug detail too: an expected 403 on
      // HeadObject for a new key would otherwise flood the log, and the engine logs every
      // failure that reaches an item itself.
      logger: {
        debug: (...args: unknown[]) => log.debug('s3 sdk', ...args),
        info: (...args: unknown[]) => log.debug('s3 sdk', ...args),
        warn: (...args: unknown[]) => log.debug('s3 sdk', ...args),
        error: (...args: unknown[]) => log.debug('s3 sdk', ...args),
      },
      requestHandler: {
        httpAgent: this.httpAgent,
        httpsAgent: this.httpsAgent,
        connectionTimeout: CONNECTION_TIMEOUT_MS,
        requestTimeout: REQUEST_TIMEOUT_MS,
      },
    });
  }

  /** The client to use for the next request to `bucket` (a bucket name or access point ARN). */
  current(bucket: string): S3Client {
    return this.clients.for(bucket);
  }

  /**
   * Where a direct PutObject to `bucket` goes, or undefined when only the SDK can address it
   * (an access-point ARN, a bucket name with dots).
   */
  directPutBase(bucket: string): ObjectUrlBase | undefined {
    return objectUrlBase(this.config.region, bucket, this.config.endpoints?.s3);
  }

  /**
   * What a direct PutObject signs and sends with: the current client's memoized credentials
   * (so ExpiredToken and renew() work as for SDK calls), its region and learned clock skew,
   * and the shared keep-alive agents.
   */
  async directPutContext(): Promise<DirectPutContext> {
    const config = this.clients.get('bucket').config;
    const [credentials, region] = await Promise.all([config.credentials(), config.region()]);
    return {
      region,
      credentials,
      clockOffsetMs: config.systemClockOffset,
      agents: { http: this.httpAgent, https: this.httpsAgent },
      timeouts: { connectMs: CONNECTION_TIMEOUT_MS, idleMs: REQUEST_TIMEOUT_MS },
    };
  }

  /** Starts signing with freshly fetched credentials. */
  renew(): void {
    this.clients = this.build();
  }

  /** Closes pooled connections; the holder is unusable afterwards. */
  destroy(): void {
    this.clients.destroy();
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}
