import {
  AuthenticationDetails,
  type CognitoUser,
  type CognitoUserSession,
  type IAuthenticationCallback,
} from 'amazon-cognito-identity-js';
import type { ChallengeKind } from '../../contract/views';

/** Where one step of amazon-cognito-identity-js's sign-in left us. */
export type SignInStep =
  | { kind: 'done'; session: CognitoUserSession }
  | { kind: 'challenge'; challenge: ChallengeKind; destination?: string }
  /** A challenge Hakobu does not handle (CUSTOM_CHALLENGE from a Lambda trigger). */
  | { kind: 'unsupported'; challenge: string };

type Settle = (step: SignInStep) => void;

const destinationOf = (parameters: unknown): string | undefined => {
  if (!parameters || typeof parameters !== 'object') return undefined;
  const value = (parameters as Record<string, unknown>).CODE_DELIVERY_DESTINATION;
  return typeof value === 'string' ? value : undefined;
};

const mfaChoicesOf = (parameters: unknown): string[] => {
  if (!parameters || typeof parameters !== 'object') return [];
  const raw = (parameters as Record<string, unknown>).MFAS_CAN_CHOOSE;
  if (typeof raw !== 'string') return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
};

// One callback map turns every branch of the library's sign-in into a SignInStep.
function stepCallbacks(
  user: CognitoUser,
  resolve: Settle,
  reject: (error: unknown) => void,
): IAuthenticationCallback {
  const callbacks: IAuthenticationCallback = {
    onSuccess: (session) => resolve({ kind: 'done', session }),
    onFailure: reject,
    newPasswordRequired: () => resolve({ kind: 'challenge', challenge: 'NEW_PASSWORD_REQUIRED' }),
    mfaRequired: (_name, parameters) => {
      const destination = destinationOf(parameters);
      resolve({ kind: 'challenge', challenge: 'SMS_MFA', ...(destination ? { destination } : {}) });
    },
    totpRequired: () => resolve({ kind: 'challenge', challenge: 'SOFTWARE_TOKEN_MFA' }),
    mfaSetup: () => resolve({ kind: 'challenge', challenge: 'MFA_SETUP' }),
    // With both MFA types enrolled Cognito asks which to use: an authenticator app needs no SMS.
    selectMFAType: (_name, parameters) => {
      const choices = mfaChoicesOf(parameters);
      const answer = choices.includes('SOFTWARE_TOKEN_MFA') ? 'SOFTWARE_TOKEN_MFA' : 'SMS_MFA';
      user.sendMFASelectionAnswer(answer, callbacks);
    },
    customChallenge: () => resolve({ kind: 'unsupported', challenge: 'CUSTOM_CHALLENGE' }),
  };
  return callbacks;
}

/** Starts sign-in with the flow set on the user (SRP or USER_PASSWORD_AUTH). */
export function authenticate(
  user: CognitoUser,
  username: string,
  password: string,
): Promise<SignInStep> {
  return new Promise((resolve, reject) => {
    const details = new AuthenticationDetails({ Username: username, Password: password });
    user.authenticateUser(details, stepCallbacks(user, resolve, reject));
  });
}

/** Answers NEW_PASSWORD_REQUIRED (no extra attributes: IT sets those when creating users). */
export function completeNewPassword(user: CognitoUser, newPassword: string): Promise<SignInStep> {
  return new Promise((resolve, reject) => {
    user.completeNewPasswordChallenge(newPassword, {}, stepCallbacks(user, resolve, reject));
  });
}

/** Answers SMS_MFA or SOFTWARE_TOKEN_MFA with the code the user typed. */
export function sendMfaCode(
  user: CognitoUser,
  code: string,
  challenge: 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA',
): Promise<SignInStep> {
  return new Promise((resolve, reject) => {
    user.sendMFACode(code, stepCallbacks(user, resolve, reject), challenge);
  });
}

/** During MFA_SETUP: asks Cognito for a new TOTP secret (base32). */
export function associateSoftwareToken(user: CognitoUser): Promise<string> {
  return new Promise((resolve, reject) => {
    user.associateSoftwareToken({ associateSecretCode: resolve, onFailure: reject });
  });
}

/** During MFA_SETUP: verifies the first code from the authenticator app and finishes sign-in. */
export function verifySoftwareToken(
  user: CognitoUser,
  code: string,
  deviceName: string,
): Promise<CognitoUserSession> {
  return new Promise((resolve, reject) => {
    user.verifySoftwareToken(code, deviceName, {
      onSuccess: (session: CognitoUserSession) => resolve(session),
      onFailure: reject,
    });
  });
}

/** Sends a password-reset code; resolves with where it went (masked), when Cognito says. */
export function forgotPassword(user: CognitoUser): Promise<{ destination?: string }> {
  return new Promise((resolve, reject) => {
    const settle = (data: unknown) => {
      const details =
        data && typeof data === 'object'
          ? (data as Record<string, unknown>).CodeDeliveryDetails
          : undefined;
      const destination =
        details && typeof details === 'object'
          ? (details as Record<string, unknown>).Destination
          : undefined;
      resolve(typeof destination === 'string' ? { destination } : {});
    };
    user.forgotPassword({ onSuccess: settle, inputVerificationCode: settle, onFailure: reject });
  });
}

/** Sets a new password with the code from forgotPassword. */
export function confirmPassword(
  user: CognitoUser,
  code: string,
  newPassword: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    user.confirmPassword(code, newPassword, { onSuccess: () => resolve(), onFailure: reject });
  });
}

/** Changes the password of a signed-in user (the user must hold a valid session). */
export function changePassword(
  user: CognitoUser,
  oldPassword: string,
  newPassword: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    user.changePassword(oldPassword, newPassword, (error) => (error ? reject(error) : resolve()));
  });
}
