import type { LocalAwsContext } from '../context';
import { newRegionalUuid } from '../state/ids';
import { identityNotFound, poolNotFound } from './errors';
import type { VerifiedLogin } from './login-token';
import type { IdentityPoolState, IdentityState } from './model';

/** The identity pool with this ID, or Cognito's ResourceNotFoundException. */
export function requirePool(ctx: LocalAwsContext, identityPoolId: string): IdentityPoolState {
  const pool = Object.hasOwn(ctx.state.identityPools, identityPoolId)
    ? ctx.state.identityPools[identityPoolId]
    : undefined;
  if (!pool) throw poolNotFound(identityPoolId);
  return pool;
}

/** The identity with this ID and the pool that holds it, or ResourceNotFoundException. */
export function requireIdentity(
  ctx: LocalAwsContext,
  identityId: string,
): { pool: IdentityPoolState; identity: IdentityState } {
  for (const pool of Object.values(ctx.state.identityPools)) {
    const identity = Object.hasOwn(pool.identities, identityId)
      ? pool.identities[identityId]
      : undefined;
    if (identity) return { pool, identity };
  }
  throw identityNotFound(identityId);
}

/** The identity already bound to this provider and user, if any. */
export function identityForLogin(
  pool: IdentityPoolState,
  login: Pick<VerifiedLogin, 'providerName' | 'sub'>,
): IdentityState | undefined {
  return Object.values(pool.identities).find(
    (identity) => identity.logins[login.providerName] === login.sub,
  );
}

function createIdentity(
  ctx: LocalAwsContext,
  pool: IdentityPoolState,
  logins: Record<string, string>,
): IdentityState {
  const identity: IdentityState = {
    identityId: newRegionalUuid(ctx.region),
    logins,
    createdAt: ctx.now(),
  };
  pool.identities[identity.identityId] = identity;
  return identity;
}

/**
 * Finds or creates the identity for verified logins (GetId). The same provider and user always get
 * the same identity; logins not yet bound to anyone are linked to it. Persists what it changes.
 */
export function identityForLogins(
  ctx: LocalAwsContext,
  pool: IdentityPoolState,
  logins: VerifiedLogin[],
): IdentityState {
  const existing = logins.map((login) => identityForLogin(pool, login)).find(Boolean);
  const identity = existing ?? createIdentity(ctx, pool, {});
  let changed = !existing;
  for (const login of logins) {
    // Never rebind a provider the identity already has, nor steal a login another identity holds.
    if (identity.logins[login.providerName] !== undefined) continue;
    if (identityForLogin(pool, login)) continue;
    identity.logins[login.providerName] = login.sub;
    changed = true;
  }
  if (changed) ctx.save();
  return identity;
}

/** Creates a guest identity (GetId without Logins): every such call gets a new one, as on AWS. */
export function createGuestIdentity(ctx: LocalAwsContext, pool: IdentityPoolState): IdentityState {
  const identity = createIdentity(ctx, pool, {});
  ctx.save();
  return identity;
}

/**
 * Links a guest identity to logins that belong to no one yet, as GetCredentialsForIdentity does when
 * a guest signs in; returns false (and changes nothing) when that is not possible.
 */
export function linkGuestIdentity(
  ctx: LocalAwsContext,
  pool: IdentityPoolState,
  identity: IdentityState,
  logins: VerifiedLogin[],
): boolean {
  if (Object.keys(identity.logins).length > 0) return false;
  if (logins.some((login) => identityForLogin(pool, login))) return false;
  for (const login of logins) identity.logins[login.providerName] = login.sub;
  ctx.save();
  return true;
}
