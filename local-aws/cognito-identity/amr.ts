import type { IdentityState } from './model';

/**
 * The amr (authentication methods) Cognito Identity puts in a session: the auth type first, then
 * each linked provider and, for user pools, "<provider>:CognitoSignIn:<user pool sub>".
 */
export function amrFor(identity: Pick<IdentityState, 'logins'>): string[] {
  const logins = Object.entries(identity.logins);
  if (logins.length === 0) return ['unauthenticated'];
  return [
    'authenticated',
    ...logins.flatMap(([provider, sub]) => [provider, `${provider}:CognitoSignIn:${sub}`]),
  ];
}
