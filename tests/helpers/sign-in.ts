import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  type ICognitoStorage,
} from 'amazon-cognito-identity-js';
import { requireUser } from '../../local-aws/cognito-idp/lookup';
import type { TestLocalAws } from './local-aws';

/** The tokens of one SRP sign-in, plus the name the library stored them under. */
export interface SrpTokens {
  idToken: string;
  accessToken: string;
  refreshToken: string;
  /** USER_ID_FOR_SRP, which amazon-cognito-identity-js uses as the user's storage key. */
  userIdForSrp: string;
}

/** A private in-memory storage, so sign-ins in one test process never share cached sessions. */
export function memoryStorage(): ICognitoStorage {
  const items = new Map<string, string>();
  return {
    setItem: (key, value) => void items.set(key, value),
    getItem: (key) => items.get(key) ?? null,
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
  };
}

/** Builds a CognitoUserPool and CognitoUser on the stand-in, both given the same storage. */
export function cognitoUserOn(
  la: TestLocalAws,
  username: string,
  options: { clientId?: string; storage?: ICognitoStorage; endpoint?: string } = {},
): { pool: CognitoUserPool; user: CognitoUser } {
  const Storage = options.storage ?? memoryStorage();
  const pool = new CognitoUserPool({
    UserPoolId: la.info.userPoolId,
    ClientId: options.clientId ?? la.info.clientId,
    endpoint: options.endpoint ?? la.info.endpoint,
    Storage,
  });
  // CognitoUser does not inherit the pool's Storage, so it is passed to both.
  return { pool, user: new CognitoUser({ Username: username, Pool: pool, Storage }) };
}

/**
 * Signs a user in with SRP through amazon-cognito-identity-js (the client Hakobu uses) and
 * returns the tokens. A challenge (new password, MFA) rejects with an error naming it.
 */
export function signInWithSrp(
  la: TestLocalAws,
  username: string,
  password: string,
  options: { clientId?: string; endpoint?: string } = {},
): Promise<SrpTokens> {
  const { user } = cognitoUserOn(la, username, options);
  const details = new AuthenticationDetails({ Username: username, Password: password });
  const challenge = (name: string) => () =>
    new Error(`signInWithSrp: ${username} must answer the ${name} challenge`);
  return new Promise((resolve, reject) => {
    user.authenticateUser(details, {
      onSuccess: (session) =>
        resolve({
          idToken: session.getIdToken().getJwtToken(),
          accessToken: session.getAccessToken().getJwtToken(),
          refreshToken: session.getRefreshToken().getToken(),
          userIdForSrp: user.getUsername(),
        }),
      onFailure: (error: unknown) => reject(error),
      newPasswordRequired: () => reject(challenge('NEW_PASSWORD_REQUIRED')()),
      mfaRequired: () => reject(challenge('SMS_MFA')()),
      totpRequired: () => reject(challenge('SOFTWARE_TOKEN_MFA')()),
      mfaSetup: () => reject(challenge('MFA_SETUP')()),
      selectMFAType: () => reject(challenge('SELECT_MFA_TYPE')()),
      customChallenge: () => reject(challenge('CUSTOM_CHALLENGE')()),
    });
  });
}

/** The demo user's username and password from local-aws.json (fails if the setup has none). */
export function demoUser(la: TestLocalAws): { username: string; password: string } {
  if (!la.info.demoUser) throw new Error('this stand-in was started without a demo user');
  return la.info.demoUser;
}

/**
 * Cognito's username for what a user types in the stand-in's first pool: the same name in a pool
 * of usernames, the UUID in a pool that signs in by email. The keychain keeps sign-ins under it.
 */
export function poolUsername(la: TestLocalAws, typed: string): string {
  const pool = la.context.state.userPools[la.info.userPoolId];
  if (!pool) throw new Error('the stand-in has no first user pool');
  return requireUser(pool, typed).username;
}
