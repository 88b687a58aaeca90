import { randomUUID } from 'node:crypto';
import type { AliasAttribute, UsernameAttribute } from '../setup/schema';
import type { AttributeInput } from './attributes';
import { CognitoErrors } from './errors';
import type { UserPoolState, UserState } from './model';

// The names a user may sign in with. In a plain pool that is the username alone. A pool with
// UsernameAttributes signs users in by email (or phone): their username is a generated UUID, the
// sub, which is also what USER_ID_FOR_SRP and cognito:username carry. A pool with AliasAttributes
// keeps real usernames and also accepts a verified email or phone, or a preferred_username.

// Cognito's check is looser than RFC 5322; what matters is telling an email from a username.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_SHAPE = /^\+\d{4,15}$/;

/** True when a name has the shape of an email address. */
export const looksLikeEmail = (name: string): boolean => EMAIL_SHAPE.test(name);
/** True when a name has the shape of an E.164 phone number. */
export const looksLikePhone = (name: string): boolean => PHONE_SHAPE.test(name);

const looksLike = (attribute: UsernameAttribute, name: string) =>
  attribute === 'email' ? looksLikeEmail(name) : looksLikePhone(name);

/** The value of a sign-in attribute of a user, if set. */
export function signInAttribute(user: UserState, attribute: AliasAttribute): string | undefined {
  if (attribute === 'email') return user.email;
  if (attribute === 'phone_number') return user.phoneNumber;
  return user.attributes?.preferred_username;
}

// Users from the setup file have no verified flag and count as verified.
function isVerified(user: UserState, attribute: AliasAttribute): boolean {
  if (attribute === 'email') return user.emailVerified ?? true;
  if (attribute === 'phone_number') return user.phoneNumberVerified ?? true;
  return true;
}

// An alias signs in only once verified; a username attribute is the identity itself, verified or not.
function answersTo(pool: UserPoolState, user: UserState, name: string): boolean {
  // A federated user's email came from its provider: it names no one at the pool's own sign-in.
  if (user.status === 'EXTERNAL_PROVIDER') return false;
  if ((pool.usernameAttributes ?? []).some((a) => signInAttribute(user, a) === name)) return true;
  return (pool.aliasAttributes ?? []).some(
    (a) => signInAttribute(user, a) === name && isVerified(user, a),
  );
}

/**
 * The user a client-supplied name means: the username first (which in an email pool is the UUID,
 * also accepted), then the email, phone or alias the pool lets users sign in with.
 */
export function findUser(pool: UserPoolState, name: string): UserState | undefined {
  if (Object.hasOwn(pool.users, name)) return pool.users[name];
  if (!pool.usernameAttributes?.length && !pool.aliasAttributes?.length) return undefined;
  return Object.values(pool.users).find((user) => answersTo(pool, user, name));
}

/** How a new user is stored: the username, the sub, and attributes the requested name implies. */
export interface NewUserName {
  username: string;
  sub: string;
  implied: AttributeInput[];
}

/**
 * Names a user being created (AdminCreateUser, the setup file) as Cognito does: in a pool that
 * signs in by email the requested name must be an email, becomes the email attribute, and the
 * username is a new UUID; in a pool with email or phone aliases a username may not look like one.
 */
export function nameNewUser(
  pool: UserPoolState,
  requested: string,
  attributes: AttributeInput[],
): NewUserName {
  const signInBy = pool.usernameAttributes ?? [];
  if (signInBy.length) {
    const attribute = signInBy.find((a) => looksLike(a, requested));
    if (!attribute)
      throw signInBy.includes('email')
        ? CognitoErrors.usernameNotEmail()
        : CognitoErrors.usernameNotPhone();
    const given = attributes.find((a) => a.Name === attribute)?.Value;
    if (given !== undefined && given !== requested)
      throw CognitoErrors.usernameAttributeMismatch(attribute);
    const sub = randomUUID();
    return { username: sub, sub, implied: [{ Name: attribute, Value: requested }] };
  }
  for (const alias of pool.aliasAttributes ?? []) {
    if (alias !== 'preferred_username' && looksLike(alias, requested))
      throw CognitoErrors.usernameLooksLikeAlias(alias);
  }
  return { username: requested, sub: randomUUID(), implied: [] };
}

/**
 * Makes sure no other user answers to the names this user now signs in with. A taken email in
 * an email pool is UsernameExistsException when creating (the email is the username) and
 * AliasExistsException when updating; a taken alias is AliasExistsException, unless `force`
 * (ForceAliasCreation) moves a verified email or phone over, unverifying it on the other user.
 */
export function claimSignInNames(
  pool: UserPoolState,
  user: UserState,
  options: { creating: boolean; force?: boolean; replacing?: UserState },
): void {
  // `replacing` is the stored user when `user` is a draft of its update.
  const others = Object.values(pool.users).filter((o) => o !== user && o !== options.replacing);
  for (const attribute of pool.usernameAttributes ?? []) {
    const value = signInAttribute(user, attribute);
    if (value === undefined || !others.some((o) => signInAttribute(o, attribute) === value))
      continue;
    throw options.creating
      ? CognitoErrors.signInAttributeTaken(attribute)
      : CognitoErrors.aliasExists(attribute);
  }
  // Every check before any move, so a refusal leaves the other users as they were.
  const moves: (() => void)[] = [];
  for (const attribute of pool.aliasAttributes ?? []) {
    const value = signInAttribute(user, attribute);
    if (value === undefined || !isVerified(user, attribute)) continue;
    const holder = others.find(
      (o) => signInAttribute(o, attribute) === value && isVerified(o, attribute),
    );
    if (!holder) continue;
    if (!options.force || attribute === 'preferred_username')
      throw CognitoErrors.aliasExists(attribute);
    moves.push(() => {
      if (attribute === 'email') holder.emailVerified = false;
      else holder.phoneNumberVerified = false;
    });
  }
  for (const move of moves) move();
}
