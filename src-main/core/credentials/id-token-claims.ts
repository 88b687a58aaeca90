import { z } from 'zod';
import { CognitoUserError } from '../cognito-errors/cognito-user-error';

const IdTokenPayload = z.object({
  sub: z.string().min(1),
  token_use: z.string(),
  iss: z.string().optional(),
});

/** The claims credentials need from an ID token (it is not verified here: Cognito issued it). */
export interface IdTokenClaims {
  sub: string;
}

/** The S1 mistake, caught before any request: only an ID token may go into Logins. */
const notAnIdToken = () =>
  new CognitoUserError(
    'identity.accessTokenUsed',
    'The Identity Pool can only take an ID token, and was about to be given another kind of token. ' +
      'Report this to the app’s developers.',
  );

/** Reads sub from an ID token, refusing access tokens (pitfall S1). */
export function idTokenClaims(token: string): IdTokenClaims {
  const payload = token.split('.')[1];
  if (!payload) throw notAnIdToken();
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw notAnIdToken();
  }
  const parsed = IdTokenPayload.safeParse(json);
  if (!parsed.success || parsed.data.token_use !== 'id') throw notAnIdToken();
  return { sub: parsed.data.sub };
}
