import {
  CognitoAccessToken,
  CognitoIdToken,
  CognitoRefreshToken,
  CognitoUserSession,
} from 'amazon-cognito-identity-js';
import { needsRefresh } from '../expiry/refresh-ahead';
import { signInNameOf } from './sign-in-name';

/** How a session was signed in: the password form, or the browser (Cognito managed login). */
export type SignInMethod = 'password' | 'managedLogin';

/** The tokens of one signed-in session, with the facts Hakobu needs about them. */
export interface TokenSet {
  /** Decides where the refresh token goes back to (user pool API or the managed-login domain). */
  method: SignInMethod;
  idToken: string;
  accessToken: string;
  refreshToken: string;
  /**
   * The user pool username (`cognito:username`), which is also USER_ID_FOR_SRP: a UUID in a pool
   * that signs in by email. The keychain keeps the sign-in under it.
   */
  username: string;
  /** What the user signs in with and sees: the email in such a pool, else the username. */
  signInName: string;
  /** The user pool `sub` (not the Identity Pool identity ID: pitfall S10). */
  sub: string;
  /** Server times, epoch milliseconds. */
  idIssuedAt: number;
  idExpiresAt: number;
  accessIssuedAt: number;
  accessExpiresAt: number;
  /** Local clock minus the server clock when the tokens arrived (ms); 0 when within noise. */
  clockDriftMs: number;
}

/** The token fields of an AuthenticationResult (InitiateAuth, GetTokensFromRefreshToken). */
export interface AuthenticationResultTokens {
  IdToken?: string;
  AccessToken?: string;
  RefreshToken?: string;
}

const claimString = (payload: Record<string, unknown>, name: string): string => {
  const value = payload[name];
  if (typeof value !== 'string' || value === '') {
    throw new Error(`The ID token has no ${name} claim`);
  }
  return value;
};

// iat has one-second resolution and includes network latency, so a small measured drift is noise;
// correcting for it would make short-lived tokens look younger than they are.
const DRIFT_NOISE_MS = 30_000;

const driftFrom = (nowMs: number, issuedAtMs: number): number => {
  const drift = nowMs - issuedAtMs;
  return Math.abs(drift) < DRIFT_NOISE_MS ? 0 : drift;
};

/** Builds a TokenSet from raw tokens, measuring clock drift against the ID token's iat. */
export function tokenSetFrom(
  idToken: string,
  accessToken: string,
  refreshToken: string,
  nowMs: number,
  method: SignInMethod = 'password',
): TokenSet {
  const id = new CognitoIdToken({ IdToken: idToken });
  const access = new CognitoAccessToken({ AccessToken: accessToken });
  const payload = id.decodePayload() as Record<string, unknown>;
  const idIssuedAt = id.getIssuedAt() * 1000;
  return {
    method,
    idToken,
    accessToken,
    refreshToken,
    // A federated user's is "<provider>_<id>" (EntraID_abc…): kept whole, never parsed.
    username: claimString(payload, 'cognito:username'),
    signInName: signInNameOf(payload) ?? claimString(payload, 'cognito:username'),
    sub: claimString(payload, 'sub'),
    idIssuedAt,
    idExpiresAt: id.getExpiration() * 1000,
    accessIssuedAt: access.getIssuedAt() * 1000,
    accessExpiresAt: access.getExpiration() * 1000,
    clockDriftMs: driftFrom(nowMs, idIssuedAt),
  };
}

/** Builds a TokenSet from the library's session object. */
export function tokenSetFromSession(session: CognitoUserSession, nowMs: number): TokenSet {
  return tokenSetFrom(
    session.getIdToken().getJwtToken(),
    session.getAccessToken().getJwtToken(),
    session.getRefreshToken().getToken(),
    nowMs,
  );
}

/** Builds a TokenSet from a refresh response; Cognito omits RefreshToken unless it rotated it. */
export function tokenSetFromResult(
  result: AuthenticationResultTokens,
  previousRefreshToken: string,
  nowMs: number,
  method: SignInMethod = 'password',
): TokenSet {
  if (!result.IdToken || !result.AccessToken) {
    throw new Error('Cognito answered a token refresh without an ID or access token');
  }
  return tokenSetFrom(
    result.IdToken,
    result.AccessToken,
    result.RefreshToken ?? previousRefreshToken,
    nowMs,
    method,
  );
}

/** The library's session object for a TokenSet, so CognitoUser methods (changePassword) accept it. */
export function toCognitoUserSession(tokens: TokenSet): CognitoUserSession {
  return new CognitoUserSession({
    IdToken: new CognitoIdToken({ IdToken: tokens.idToken }),
    AccessToken: new CognitoAccessToken({ AccessToken: tokens.accessToken }),
    RefreshToken: new CognitoRefreshToken({ RefreshToken: tokens.refreshToken }),
  });
}

/** True when the ID or access token is expired or about to be, judged on the server's clock. */
export function tokensNeedRefresh(tokens: TokenSet, localNowMs: number): boolean {
  const serverNow = localNowMs - tokens.clockDriftMs;
  return (
    needsRefresh(tokens.idIssuedAt, tokens.idExpiresAt, serverNow) ||
    needsRefresh(tokens.accessIssuedAt, tokens.accessExpiresAt, serverNow)
  );
}
