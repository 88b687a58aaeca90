import { decodeJwt } from 'jose';
import { z } from 'zod';
import { signInNameOf } from '../../auth/sign-in-name';

// The token came from Cognito through the sign-in library; doctor reads it to explain, not to trust.
const IdTokenClaims = z.object({
  iss: z.string(),
  aud: z.union([z.string(), z.array(z.string())]),
  token_use: z.string(),
  exp: z.number(),
  sub: z.string(),
  'cognito:username': z.string().optional(),
  email: z.string().optional(),
  phone_number: z.string().optional(),
  'cognito:groups': z.array(z.string()).optional(),
  'cognito:roles': z.array(z.string()).optional(),
  'cognito:preferred_role': z.string().optional(),
});

/** What doctor reads from an ID token. */
export interface IdTokenFacts {
  /** The user pool that issued it (last part of iss). */
  userPoolId: string;
  audiences: string[];
  tokenUse: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** The user pool sub: NOT what `${cognito-identity.amazonaws.com:sub}` means (pitfall S10). */
  sub: string;
  username: string | undefined;
  /** What the user signs in with: their email in a pool that signs in by email (username = UUID). */
  signInName: string | undefined;
  groups: string[];
  /** IAM roles of the user's groups, for "choose role from token" (pitfall S9). */
  roles: string[];
  preferredRole: string | undefined;
}

/** Decodes an ID token's claims, or undefined when it is not a Cognito ID token at all. */
export function readIdToken(token: string): IdTokenFacts | undefined {
  let payload: unknown;
  try {
    payload = decodeJwt(token);
  } catch {
    return undefined;
  }
  const parsed = IdTokenClaims.safeParse(payload);
  if (!parsed.success) return undefined;
  const claims = parsed.data;
  return {
    userPoolId: claims.iss.split('/').pop() ?? '',
    audiences: typeof claims.aud === 'string' ? [claims.aud] : claims.aud,
    tokenUse: claims.token_use,
    expiresAt: claims.exp * 1000,
    sub: claims.sub,
    username: claims['cognito:username'],
    signInName: signInNameOf(claims),
    groups: claims['cognito:groups'] ?? [],
    roles: claims['cognito:roles'] ?? [],
    preferredRole: claims['cognito:preferred_role'],
  };
}
