import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import { findUser } from '../../local-aws/cognito-idp/sign-in-names';
import { mintTokens, type IssuedTokens } from '../../local-aws/cognito-idp/tokens';
import type { RunningLocalAws } from '../../local-aws/server';

/** Temporary AWS credentials for one Cognito identity, as the SDK hands them out. */
export interface IdentityCredentials {
  identityId: string;
  credentials: {
    accessKeyId: string;
    secretAccessKey: string;
    sessionToken: string;
    expiration: Date;
  };
}

/** The Logins key of the stand-in's first user pool: cognito-idp.<region>.amazonaws.com/<poolId>. */
export const loginProvider = (la: RunningLocalAws, userPoolId = la.info.userPoolId) =>
  `cognito-idp.${la.info.region}.amazonaws.com/${userPoolId}`;

/**
 * Mints tokens for a user of the first user pool with the pool's real token code (mintTokens), as
 * a sign-in would; tests use it so they do not depend on the sign-in API.
 */
export async function mintUserTokens(
  la: RunningLocalAws,
  username = la.info.demoUser?.username ?? '',
  clientId = la.info.clientId,
): Promise<IssuedTokens> {
  const pool = la.context.state.userPools[la.info.userPoolId];
  const client = pool?.clients[clientId];
  // By username or, in a pool that signs in by email, by the email the user types.
  const user = pool && findUser(pool, username);
  if (!pool || !client || !user) throw new Error(`no user ${username} / client ${clientId}`);
  return mintTokens(la.context, pool, client, user);
}

/** Exchanges an ID token for identity-pool credentials through the real SDK provider. */
export async function getIdentityCredentials(
  la: RunningLocalAws,
  idToken: string,
  options: { customRoleArn?: string; identityPoolId?: string } = {},
): Promise<IdentityCredentials> {
  const provider = fromCognitoIdentityPool({
    identityPoolId: options.identityPoolId ?? la.info.identityPoolId,
    logins: { [loginProvider(la)]: idToken },
    ...(options.customRoleArn ? { customRoleArn: options.customRoleArn } : {}),
    clientConfig: { region: la.info.region, endpoint: la.info.endpoint },
  });
  const { identityId, accessKeyId, secretAccessKey, sessionToken, expiration } = await provider();
  if (!sessionToken || !expiration) throw new Error('credentials came back without session/expiry');
  return { identityId, credentials: { accessKeyId, secretAccessKey, sessionToken, expiration } };
}

/** Credentials of the demo user, signed in through mintTokens: the usual start of an S3 test. */
export async function demoCredentials(la: RunningLocalAws): Promise<IdentityCredentials> {
  const { IdToken } = await mintUserTokens(la);
  return getIdentityCredentials(la, IdToken);
}
