import { SignJWT, decodeJwt } from 'jose';
import { poolKeys } from '../../../local-aws/cognito-idp/tokens';
import type { RunningLocalAws } from '../../../local-aws/server';
import {
  AUTHENTICATED_ROLE_ARN,
  authenticatedTrustPolicy,
  identityPrefixPolicy,
} from '../../../local-aws/setup/default-setup';
import type { LocalAwsSetup } from '../../../local-aws/setup/schema';

/** A fixed identity pool ID, so role trust policies in a setup can name it. */
export const IDENTITY_POOL_ID = 'ap-northeast-1:0a0a0a0a-1b1b-2c2c-3d3d-4e4e4e4e4e4e';
export const EDITOR_ROLE_ARN = 'arn:aws:iam::000000000000:role/hakobu-editors';
export const VIEWER_ROLE_ARN = 'arn:aws:iam::000000000000:role/hakobu-viewers';
export const GUEST_ROLE_ARN = 'arn:aws:iam::000000000000:role/hakobu-guest';
export const SECOND_USER = 'second@hakobu.example';

type Mutable = Record<string, unknown>;

/** The default setup with a fixed identity pool ID and a second demo user. */
export function withFixedPool(base: LocalAwsSetup, pool: Mutable = {}): Mutable {
  const [userPool] = base.userPools;
  const [identityPool] = base.identityPools;
  if (!userPool || !identityPool) throw new Error('default setup changed shape');
  return {
    ...base,
    userPools: [
      {
        ...userPool,
        users: [...userPool.users, { username: SECOND_USER, password: 'Second-user-2026!' }],
      },
    ],
    identityPools: [{ ...identityPool, id: IDENTITY_POOL_ID, ...pool }],
  };
}

/** The default trust policy, but for unauthenticated (guest) sessions only: amr = unauthenticated. */
export function guestTrustPolicy(identityPoolId: string) {
  const trust = authenticatedTrustPolicy(identityPoolId);
  return {
    ...trust,
    Statement: trust.Statement.map((statement) => ({
      ...statement,
      Condition: {
        ...statement.Condition,
        'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'unauthenticated' },
      },
    })),
  };
}

/** A role the identity pool may assume (trust policy for IDENTITY_POOL_ID, authenticated). */
export function trustedRole(arn: string, bucket = 'hakobu-demo') {
  return {
    arn,
    trustPolicy: authenticatedTrustPolicy(IDENTITY_POOL_ID),
    policy: identityPrefixPolicy(bucket),
  };
}

/** Group-based roles: the demo user is an editor (preferred) and a viewer. */
export function withGroupRoles(base: LocalAwsSetup, pool: Mutable = {}): Mutable {
  const setup = withFixedPool(base, pool);
  const [userPool] = setup.userPools as LocalAwsSetup['userPools'];
  if (!userPool) throw new Error('no user pool');
  return {
    ...setup,
    userPools: [
      {
        ...userPool,
        groups: [
          { name: 'editors', roleArn: EDITOR_ROLE_ARN, precedence: 1 },
          { name: 'viewers', roleArn: VIEWER_ROLE_ARN, precedence: 2 },
        ],
        users: userPool.users.map((u, i) =>
          i === 0 ? { ...u, groups: ['editors', 'viewers'] } : u,
        ),
      },
    ],
    roles: [...base.roles, trustedRole(EDITOR_ROLE_ARN), trustedRole(VIEWER_ROLE_ARN)],
  };
}

export { AUTHENTICATED_ROLE_ARN };

/**
 * Re-signs a token's claims with the pool's own key after changing them: how a test gets a token
 * that expired, or one from a client the identity pool does not list, without waiting or forging.
 */
export async function resignToken(
  la: RunningLocalAws,
  token: string,
  change: (claims: Record<string, unknown>) => Record<string, unknown>,
): Promise<string> {
  const pool = la.context.state.userPools[la.info.userPoolId];
  if (!pool) throw new Error('no user pool');
  const claims = change({ ...decodeJwt(token) });
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: pool.signingKey.kid })
    .sign(poolKeys(pool).privateKey);
}

/** The error a rejected SDK call threw, with the fields a user sees. */
export async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}
