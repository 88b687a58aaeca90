import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
} from '@aws-sdk/client-cognito-identity';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { UserFacingError } from '../api/dispatch';
import type { HakobuConfig } from '../config';
import { awsErrorFields } from '../cognito-errors/aws-error-fields';
import type { ErrorContext } from '../cognito-errors/error-table';
import { translateCognitoError } from '../cognito-errors/translate';
import { singleFlight } from '../concurrency/single-flight';
import { needsRefresh } from '../expiry/refresh-ahead';
import { silentLogger, type Logger } from '../log/logger';
import { idTokenClaims } from './id-token-claims';
import { identityCacheKey, memoryIdentityIdStore, type IdentityIdStore } from './identity-id-store';

export interface IdentityCredentialsOptions {
  config: HakobuConfig;
  /** From the auth session: always a valid ID token (refreshed first when needed). */
  getIdToken: () => Promise<string>;
  /** Where identity IDs are remembered; in memory when omitted. */
  store?: IdentityIdStore;
  log?: Logger;
  now?: () => number;
}

/** AWS credentials for the signed-in user, from the Identity Pool. */
export interface IdentityCredentials {
  /** The user's identity ID (region:uuid): the `${cognito-identity.amazonaws.com:sub}` of policies. */
  identityId(): Promise<string>;
  /** For SDK clients: credentials with `expiration`, renewed ahead of it. */
  provider: AwsCredentialIdentityProvider;
  /**
   * After S3 answered ExpiredToken (clock skew): fetch new credentials, then the caller retries.
   * Pass the rejected credentials and nothing is fetched if they were already replaced.
   */
  forceRefresh(rejected?: Pick<AwsCredentialIdentity, 'accessKeyId'>): Promise<void>;
  /** Forgets credentials held in memory (the provider also does so itself at sign-out). */
  clear(): void;
  /** Releases network resources. */
  dispose(): void;
}

interface Held {
  credentials: AwsCredentialIdentity & { expiration: Date };
  /** Local time the request was sent: the lifetime is measured from here. */
  requestedAt: number;
  sub: string;
}

/**
 * Builds the credentials provider: GetId once per user (cached), GetCredentialsForIdentity with the
 * ID token in Logins (never the access token) and the configured CustomRoleArn, renewed ahead of
 * expiry, with one in-flight request however many callers ask at once.
 */
export function createIdentityCredentials(
  options: IdentityCredentialsOptions,
): IdentityCredentials {
  const { config, getIdToken } = options;
  const store = options.store ?? memoryIdentityIdStore();
  const log = (options.log ?? silentLogger).child('credentials');
  const now = options.now ?? Date.now;
  const client = new CognitoIdentityClient({
    region: config.region,
    ...(config.endpoints?.cognitoIdentity ? { endpoint: config.endpoints.cognitoIdentity } : {}),
  });
  // The provider name is the user pool's issuer host and ID, whatever endpoint serves it.
  const poolRegion = config.userPoolId.split('_')[0] ?? config.region;
  const providerName = `cognito-idp.${poolRegion}.amazonaws.com/${config.userPoolId}`;
  const errorContext: ErrorContext = {
    service: 'cognito-identity',
    userPoolId: config.userPoolId,
    clientId: config.clientId,
    identityPoolId: config.identityPoolId,
  };
  const translate = (error: unknown): UserFacingError => translateCognitoError(error, errorContext);

  const knownIds = new Map<string, string>();
  const idLookups = new Map<string, Promise<string>>();
  let held: Held | undefined;

  const logins = (idToken: string) => ({ [providerName]: idToken });

  async function lookUpIdentityId(key: string, idToken: string): Promise<string> {
    const cached = knownIds.get(key) ?? (await store.get(key));
    if (cached) return cached;
    let identityId: string | undefined;
    try {
      const out = await client.send(
        new GetIdCommand({ IdentityPoolId: config.identityPoolId, Logins: logins(idToken) }),
      );
      identityId = out.IdentityId;
    } catch (error) {
      throw translate(error);
    }
    if (!identityId) throw translate(new Error('GetId answered without an IdentityId'));
    await store.set(key, identityId);
    return identityId;
  }

  /** The identity ID for the user of this ID token; concurrent callers share one GetId. */
  async function identityIdFor(sub: string, idToken: string): Promise<string> {
    const key = identityCacheKey(config.identityPoolId, config.userPoolId, sub);
    const known = knownIds.get(key);
    if (known) return known;
    let lookup = idLookups.get(key);
    if (!lookup) {
      lookup = lookUpIdentityId(key, idToken).finally(() => idLookups.delete(key));
      idLookups.set(key, lookup);
    }
    const identityId = await lookup;
    knownIds.set(key, identityId);
    return identityId;
  }

  async function forgetIdentityId(sub: string): Promise<void> {
    const key = identityCacheKey(config.identityPoolId, config.userPoolId, sub);
    knownIds.delete(key);
    await store.delete(key);
  }

  async function credentialsFor(identityId: string, idToken: string) {
    const out = await client.send(
      new GetCredentialsForIdentityCommand({
        IdentityId: identityId,
        Logins: logins(idToken),
        ...(config.customRoleArn ? { CustomRoleArn: config.customRoleArn } : {}),
      }),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretKey || !c.SessionToken || !c.Expiration) {
      throw new Error('GetCredentialsForIdentity answered without complete credentials');
    }
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretKey,
      sessionToken: c.SessionToken,
      expiration: c.Expiration,
    };
  }

  // A cached identity that was deleted, or belongs to someone else, is looked up afresh once.
  const isStaleIdentity = (error: unknown) => {
    const aws = awsErrorFields(error);
    return (
      (aws.code === 'ResourceNotFoundException' && /^Identity '/.test(aws.message)) ||
      (aws.code === 'NotAuthorizedException' && /forbidden/i.test(aws.message))
    );
  };

  async function fetchCredentials(): Promise<Held> {
    const requestedAt = now();
    const idToken = await getIdToken();
    const { sub } = idTokenClaims(idToken);
    let identityId = await identityIdFor(sub, idToken);
    let credentials: Held['credentials'];
    try {
      credentials = await credentialsFor(identityId, idToken);
    } catch (error) {
      if (!isStaleIdentity(error)) throw translate(error);
      log.info('cached identity ID was refused; asking for it again');
      await forgetIdentityId(sub);
      identityId = await identityIdFor(sub, idToken);
      credentials = await credentialsFor(identityId, idToken).catch((again: unknown) => {
        throw translate(again);
      });
    }
    held = { credentials, requestedAt, sub };
    log.debug(`credentials valid until ${credentials.expiration.toISOString()}`);
    return held;
  }

  const refresh = singleFlight(fetchCredentials);

  const stillFresh = (h: Held | undefined): h is Held =>
    h !== undefined && !needsRefresh(h.requestedAt, h.credentials.expiration.getTime(), now());

  // Every call asks the session first (free while the ID token is valid): credentials then end
  // with the sign-in that earned them, and a different user never gets the previous one's keys.
  const provider: AwsCredentialIdentityProvider = async () => {
    let sub: string;
    try {
      sub = idTokenClaims(await getIdToken()).sub;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'auth.notSignedIn' || code === 'auth.sessionExpired') held = undefined;
      // Offline while the ID token renews: credentials still valid keep uploads going.
      else if (stillFresh(held)) return held.credentials;
      throw error;
    }
    const current = held;
    if (stillFresh(current) && current.sub === sub) return current.credentials;
    return (await refresh()).credentials;
  };

  return {
    identityId: async () => {
      const idToken = await getIdToken();
      return identityIdFor(idTokenClaims(idToken).sub, idToken);
    },
    provider,
    forceRefresh: async (rejected) => {
      const current = held;
      if (rejected && current && current.credentials.accessKeyId !== rejected.accessKeyId) return;
      held = undefined;
      await refresh();
    },
    clear: () => {
      held = undefined;
      knownIds.clear();
    },
    dispose: () => client.destroy(),
  };
}
