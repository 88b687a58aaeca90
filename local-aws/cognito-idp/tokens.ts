import {
  createHash,
  createPrivateKey,
  createPublicKey,
  randomUUID,
  type KeyObject,
} from 'node:crypto';
import { SignJWT, jwtVerify, type JWTPayload } from 'jose';
import type { LocalAwsContext } from '../context';
import { AwsError } from '../http/aws-error';
import type { AppClientState, UserPoolState, UserState } from './model';

/**
 * The issuer of a pool's tokens: the stand-in's https origin (http only when TLS is off) in place
 * of https://cognito-idp.<region>.amazonaws.com, so a verifier can fetch the JWKS the issuer names;
 * or, when started so, AWS's own issuer, for verifiers that accept no other (CognitoJwtVerifier).
 */
export const issuerFor = (ctx: LocalAwsContext, poolId: string) =>
  ctx.awsIssuer
    ? `https://cognito-idp.${ctx.region}.amazonaws.com/${poolId}`
    : `${ctx.endpoint}/${poolId}`;

const keyCache = new WeakMap<
  UserPoolState['signingKey'],
  { privateKey: KeyObject; publicKey: KeyObject }
>();

/** The pool's RSA key pair as KeyObjects (parsed once per key). */
export function poolKeys(pool: UserPoolState): { privateKey: KeyObject; publicKey: KeyObject } {
  let keys = keyCache.get(pool.signingKey);
  if (!keys) {
    const privateKey = createPrivateKey({
      key: pool.signingKey.privateJwk as never,
      format: 'jwk',
    });
    keys = { privateKey, publicKey: createPublicKey(privateKey) };
    keyCache.set(pool.signingKey, keys);
  }
  return keys;
}

/** The pool's public JWKS document, as served at /<poolId>/.well-known/jwks.json. */
export function poolJwks(pool: UserPoolState): { keys: Record<string, unknown>[] } {
  const jwk = poolKeys(pool).publicKey.export({ format: 'jwk' });
  return { keys: [{ ...jwk, kid: pool.signingKey.kid, alg: 'RS256', use: 'sig' }] };
}

export interface IssuedTokens {
  IdToken: string;
  AccessToken: string;
  ExpiresIn: number;
  TokenType: 'Bearer';
}

/** The sign-in a pair of tokens belongs to; refreshed tokens repeat the original's. */
export interface SignInFacts {
  /** Epoch seconds of the sign-in; now when omitted. */
  authTime?: number;
  /** Shared by every token of one sign-in, so revoking the sign-in revokes them all. */
  originJti?: string;
  /** OAuth scopes granted at managed login; API sign-ins get aws.cognito.signin.user.admin. */
  scopes?: string[];
  /** The nonce the app sent to /oauth2/authorize, echoed in the ID token. */
  nonce?: string;
}

/** The identities claim Cognito gives a federated user: the provider accounts it is linked to. */
function identitiesClaim(user: UserState) {
  const link = user.federation;
  if (!link) return {};
  return {
    identities: [
      {
        userId: link.userId,
        providerName: link.providerName,
        providerType: link.providerType,
        issuer: link.issuer,
        primary: 'true',
        dateCreated: String(link.dateCreated),
      },
    ],
  };
}

// OIDC's at_hash: the left half of the access token's SHA-256, base64url.
const accessTokenHash = (token: string) =>
  createHash('sha256').update(token).digest().subarray(0, 16).toString('base64url');

/** Mints an ID token and an access token with Cognito's claims, RS256-signed by the pool key. */
export async function mintTokens(
  ctx: LocalAwsContext,
  pool: UserPoolState,
  client: AppClientState,
  user: UserState,
  signIn: SignInFacts = {},
): Promise<IssuedTokens> {
  const now = Math.floor(ctx.now() / 1000);
  const authTime = signIn.authTime ?? now;
  const cap = ctx.state.faults.tokenLifetimeSeconds ?? Number.POSITIVE_INFINITY;
  const idLifetime = Math.min(client.idTokenValiditySeconds, cap);
  const accessLifetime = Math.min(client.accessTokenValiditySeconds, cap);
  const iss = issuerFor(ctx, pool.id);
  const { privateKey } = poolKeys(pool);
  const header = { alg: 'RS256', kid: pool.signingKey.kid };
  const originJti = signIn.originJti ?? randomUUID();
  const groups = [...user.groups].sort(
    (a, b) => (pool.groups[a]?.precedence ?? 1e9) - (pool.groups[b]?.precedence ?? 1e9),
  );
  const roles = groups.map((g) => pool.groups[g]?.roleArn).filter((r): r is string => Boolean(r));

  const idClaims: JWTPayload & Record<string, unknown> = {
    // Every other attribute (preferred_username, name, custom:*) is readable by default, so
    // Cognito puts it in the ID token too; first, so no attribute can stand in for a claim below.
    ...user.attributes,
    sub: user.sub,
    aud: client.clientId,
    'cognito:username': user.username,
    token_use: 'id',
    auth_time: authTime,
    event_id: randomUUID(),
    origin_jti: originJti,
    jti: randomUUID(),
    ...(user.email ? { email: user.email, email_verified: user.emailVerified ?? true } : {}),
    ...(user.phoneNumber
      ? {
          phone_number: user.phoneNumber,
          phone_number_verified: user.phoneNumberVerified ?? true,
        }
      : {}),
    ...(groups.length ? { 'cognito:groups': groups } : {}),
    ...(roles.length ? { 'cognito:roles': roles, 'cognito:preferred_role': roles[0] } : {}),
    ...identitiesClaim(user),
    ...(signIn.nonce ? { nonce: signIn.nonce } : {}),
  };
  const accessClaims: JWTPayload & Record<string, unknown> = {
    sub: user.sub,
    client_id: client.clientId,
    token_use: 'access',
    scope: signIn.scopes?.join(' ') ?? 'aws.cognito.signin.user.admin',
    auth_time: authTime,
    event_id: randomUUID(),
    origin_jti: originJti,
    jti: randomUUID(),
    username: user.username,
    ...(groups.length ? { 'cognito:groups': groups } : {}),
  };
  const sign = (claims: JWTPayload, lifetime: number) =>
    new SignJWT(claims)
      .setProtectedHeader(header)
      .setIssuer(iss)
      .setIssuedAt(now)
      .setExpirationTime(now + lifetime)
      .sign(privateKey);
  const AccessToken = await sign(accessClaims, accessLifetime);
  if (signIn.scopes) idClaims.at_hash = accessTokenHash(AccessToken);
  return {
    IdToken: await sign(idClaims, idLifetime),
    AccessToken,
    ExpiresIn: accessLifetime,
    TokenType: 'Bearer',
  };
}

/** Verifies a token this pool issued (signature, issuer, expiry); throws NotAuthorizedException. */
export async function verifyPoolToken(
  ctx: LocalAwsContext,
  pool: UserPoolState,
  token: string,
): Promise<JWTPayload & Record<string, unknown>> {
  try {
    const { payload } = await jwtVerify(token, poolKeys(pool).publicKey, {
      issuer: issuerFor(ctx, pool.id),
      algorithms: ['RS256'],
      currentDate: new Date(ctx.now()),
    });
    return payload as JWTPayload & Record<string, unknown>;
  } catch (error) {
    const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
    throw new AwsError(
      'NotAuthorizedException',
      expired ? 'Token expired' : 'Invalid token',
      400,
      {},
    );
  }
}
