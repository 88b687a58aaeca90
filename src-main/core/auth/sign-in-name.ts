/** The ID token claims that say who a user is and what they sign in with. */
export interface IdentityClaims {
  'cognito:username'?: unknown;
  sub?: unknown;
  email?: unknown;
  phone_number?: unknown;
  /** Present (a list of linked IdP identities) for a user who came through a federated IdP. */
  identities?: unknown;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/**
 * The name the user knows themselves by and types at sign-in. In a pool that signs in by email
 * (or phone), Cognito's username is a generated UUID equal to the sub, which means nothing to a
 * person, so it is the email (or phone number); so it is for a federated user; elsewhere it is the
 * username itself.
 */
export function signInNameOf(claims: IdentityClaims): string | undefined {
  const username = text(claims['cognito:username']);
  // A federated user's username is Cognito's "<provider>_<id>" (EntraID_abc…), never typed and
  // never parsed: they know themselves by the email their company IdP sent.
  const federated = claims.identities !== undefined;
  if (username === undefined || (!federated && username !== text(claims.sub))) return username;
  return text(claims.email) ?? text(claims.phone_number) ?? username;
}
