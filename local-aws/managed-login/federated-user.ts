import { randomBytes, randomUUID } from 'node:crypto';
import type { JWTPayload } from 'jose';
import type { UserPoolState, UserState } from '../cognito-idp/model';
import { createPasswordRecord } from '../cognito-idp/password';
import type { FederatedProviderState } from './model';

// Attributes the stand-in keeps in their own fields; every other mapped one goes to attributes.
const OWN_FIELDS = new Set(['email', 'phone_number', 'username', 'sub']);

function mappedAttributes(provider: FederatedProviderState, claims: JWTPayload) {
  const values: Record<string, string> = {};
  for (const [attribute, claim] of Object.entries(provider.attributeMapping)) {
    const value = (claims as Record<string, unknown>)[claim];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      values[attribute] = String(value);
  }
  return values;
}

/**
 * The pool user a provider account signs in as, created on its first sign-in as Cognito does:
 * username <Provider>_<provider sub>, status EXTERNAL_PROVIDER, a member of the pool's automatic
 * <poolId>_<Provider> group; mapped attributes are refreshed at every sign-in.
 */
export function upsertFederatedUser(
  pool: UserPoolState,
  provider: FederatedProviderState,
  issuer: string,
  claims: JWTPayload,
  now: number,
): UserState {
  const providerSub = String(claims.sub);
  const username = `${provider.name}_${providerSub}`;
  const mapped = mappedAttributes(provider, claims);
  const group = `${pool.id}_${provider.name}`;
  pool.groups[group] ??= { name: group };
  const existing = Object.hasOwn(pool.users, username) ? pool.users[username] : undefined;
  const user: UserState = existing ?? {
    username,
    sub: randomUUID(),
    status: 'EXTERNAL_PROVIDER',
    enabled: true,
    // Nobody knows this password: a federated user can only come back through its provider.
    password: createPasswordRecord(pool.id, username, randomBytes(32).toString('base64')),
    groups: [group],
    federation: {
      providerName: provider.name,
      providerType: provider.type,
      userId: providerSub,
      issuer,
      dateCreated: now,
    },
    createdAt: now,
    updatedAt: now,
  };
  if (mapped.email !== undefined) {
    user.email = mapped.email;
    user.emailVerified = (claims as Record<string, unknown>).email_verified === true;
  }
  if (mapped.phone_number !== undefined) user.phoneNumber = mapped.phone_number;
  const others = Object.entries(mapped).filter(([name]) => !OWN_FIELDS.has(name));
  if (others.length) user.attributes = { ...user.attributes, ...Object.fromEntries(others) };
  user.updatedAt = now;
  pool.users[username] = user;
  return user;
}
