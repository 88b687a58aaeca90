import type { LocalAwsContext } from '../context';
import { roleTrustsCognitoIdentity } from '../iam/trust';
import { ambiguousRoleDenied, customRoleNotGranted, invalidPoolConfiguration } from './errors';
import type { VerifiedLogin } from './login-token';
import type { IdentityPoolState, RoleState } from './model';

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function tokenRoles(login: VerifiedLogin | undefined): { roles: string[]; preferred?: string } {
  const roles = stringList(login?.claims['cognito:roles']);
  const preferred = login?.claims['cognito:preferred_role'];
  return typeof preferred === 'string' ? { roles, preferred } : { roles };
}

/**
 * Picks the role for an authenticated session: the CustomRoleArn when the token grants it, else,
 * with "choose role from token", cognito:preferred_role or a sole cognito:roles entry, else the
 * pool's authenticated role (or a refusal when ambiguity resolves to Deny).
 */
export function chooseAuthenticatedRole(
  pool: IdentityPoolState,
  login: VerifiedLogin | undefined,
  customRoleArn: string | undefined,
): string {
  const { roles, preferred } = tokenRoles(login);
  const fallback = pool.roles.authenticated;
  if (customRoleArn !== undefined) {
    if (roles.includes(customRoleArn) || customRoleArn === fallback) return customRoleArn;
    throw customRoleNotGranted(customRoleArn);
  }
  if (pool.roleMapping?.type === 'Token') {
    if (preferred) return preferred;
    if (roles.length === 1 && roles[0]) return roles[0];
    if (pool.roleMapping.ambiguousRoleResolution === 'Deny') throw ambiguousRoleDenied();
  }
  if (!fallback) throw invalidPoolConfiguration();
  return fallback;
}

/** The guest role, when the pool has one. */
export function chooseGuestRole(pool: IdentityPoolState): string {
  if (!pool.roles.unauthenticated) throw invalidPoolConfiguration();
  return pool.roles.unauthenticated;
}

/**
 * The role, once STS would let Cognito assume it for this session: it must exist and its trust
 * policy must accept cognito-identity.amazonaws.com for this pool (aud) and this amr.
 */
export async function requireAssumableRole(
  ctx: LocalAwsContext,
  roleArn: string,
  session: { identityPoolId: string; identityId: string; amr: readonly string[] },
): Promise<RoleState> {
  const role = Object.hasOwn(ctx.state.roles, roleArn) ? ctx.state.roles[roleArn] : undefined;
  if (!role || !(await roleTrustsCognitoIdentity(ctx, role, session)))
    throw invalidPoolConfiguration();
  return role;
}
