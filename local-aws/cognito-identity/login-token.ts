import { compactVerify, decodeJwt, decodeProtectedHeader, type JWTPayload } from 'jose';
import { poolKeys } from '../cognito-idp/tokens';
import type { LocalAwsContext } from '../context';
import { invalidLoginToken, unsupportedProvider } from './errors';
import type { IdentityPoolState, IdentityProviderState } from './model';

/** One Logins entry that passed every check Cognito Identity makes. */
export interface VerifiedLogin {
  /** cognito-idp.<region>.amazonaws.com/<userPoolId> */
  providerName: string;
  /** The user pool user's sub: what the identity is bound to. */
  sub: string;
  claims: JWTPayload & Record<string, unknown>;
}

function decode(token: string): JWTPayload & Record<string, unknown> {
  try {
    decodeProtectedHeader(token);
    return decodeJwt(token) as JWTPayload & Record<string, unknown>;
  } catch {
    throw invalidLoginToken('Not a valid OpenId Connect identity token.');
  }
}

// The stand-in's issuer is its own endpoint plus the pool ID, and the port moves when it restarts.
// Only the pool part is compared: the signature already proves which pool minted the token, and a
// token minted before a restart stays as valid as it would be on AWS.
function issuerNamesPool(iss: unknown, userPoolId: string): boolean {
  if (typeof iss !== 'string') return false;
  try {
    return new URL(iss).pathname === `/${userPoolId}`;
  } catch {
    return false;
  }
}

async function verifyOne(
  ctx: LocalAwsContext,
  provider: IdentityProviderState,
  token: string,
): Promise<VerifiedLogin> {
  const claims = decode(token);
  const userPool = ctx.state.userPools[provider.userPoolId];
  if (!userPool) throw unsupportedProvider();
  if (!issuerNamesPool(claims.iss, userPool.id))
    throw invalidLoginToken("Issuer doesn't match providerName");
  try {
    await compactVerify(token, poolKeys(userPool).publicKey, { algorithms: ['RS256'] });
  } catch {
    throw invalidLoginToken("Couldn't verify signed token.");
  }
  const now = Math.floor(ctx.now() / 1000);
  if (typeof claims.exp !== 'number') throw invalidLoginToken('Missing a required claim: exp');
  if (now >= claims.exp) throw invalidLoginToken(`Token expired: ${now} >= ${claims.exp}`);
  // An access token carries client_id instead of aud: the classic mistake this message names.
  if (claims.aud === undefined) throw invalidLoginToken('Missing a required claim: aud');
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.some((aud) => provider.clientIds.includes(aud))) throw unsupportedProvider();
  if (typeof claims.sub !== 'string' || claims.sub === '')
    throw invalidLoginToken('Missing a required claim: sub');
  return { providerName: provider.providerName, sub: claims.sub, claims };
}

/** Validates every Logins entry against the pool's providers, as GetId and GetCredentialsForIdentity do. */
export async function verifyLogins(
  ctx: LocalAwsContext,
  pool: IdentityPoolState,
  logins: Record<string, string>,
): Promise<VerifiedLogin[]> {
  const verified: VerifiedLogin[] = [];
  for (const [providerName, token] of Object.entries(logins)) {
    const provider = pool.providers.find((p) => p.providerName === providerName);
    if (!provider) throw unsupportedProvider();
    verified.push(await verifyOne(ctx, provider, token));
  }
  return verified;
}
