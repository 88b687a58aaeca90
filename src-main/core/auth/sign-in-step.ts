import type { CognitoUser } from 'amazon-cognito-identity-js';
import type { UserFacingError } from '../api/dispatch';
import { unsupportedChallenge } from './auth-errors';
import type { AuthStateHolder } from './auth-state';
import * as flows from './library-flows';
import type { PendingStep } from './pending-step';
import type { RefreshTokenVault } from './refresh-token-vault';
import type { TokenKeeper } from './token-keeper';
import { tokenSetFromSession } from './token-set';

/** What a sign-in step needs from the session it moves. */
export interface SignInStepHost {
  holder: AuthStateHolder;
  pending: PendingStep;
  vault: RefreshTokenVault;
  keeper: TokenKeeper;
  now(): number;
  translate(error: unknown): UserFacingError;
  enterSignedOut(username: string): void;
  /** The library's user the session goes on with once signed in. */
  adoptUser(user: CognitoUser): void;
}

/**
 * Runs one sign-in step (a password, a challenge answer) and moves the state machine to where it
 * leads: the next challenge, or signed in. A Cognito error is thrown in the user's words.
 */
export async function runSignInStep(
  host: SignInStepHost,
  user: CognitoUser,
  username: string,
  run: () => Promise<flows.SignInStep>,
): Promise<void> {
  let step: flows.SignInStep;
  try {
    step = await run();
  } catch (raw) {
    const error = host.translate(raw);
    // The challenge's Cognito session is gone: waiting on it would only fail again.
    if (error.code === 'auth.challengeExpired' && host.pending.current) {
      host.enterSignedOut(username);
    }
    throw error;
  }
  if (step.kind === 'unsupported') throw unsupportedChallenge(step.challenge);
  if (step.kind === 'challenge') {
    const secret =
      step.challenge === 'MFA_SETUP'
        ? await flows.associateSoftwareToken(user).catch((raw: unknown) => {
            throw host.translate(raw);
          })
        : undefined;
    host.pending.begin({ user, username, kind: step.challenge }, secret);
    host.holder.set({
      status: 'challenge',
      username,
      challenge: step.challenge,
      keychain: host.vault.knownStatus,
      ...(step.destination ? { destination: step.destination } : {}),
    });
    return;
  }
  host.pending.clear();
  host.keeper.reset();
  // After SRP the library renamed the user to USER_ID_FOR_SRP (the UUID, in a pool that signs
  // in by email) and keyed its cache by it; the token's cognito:username is the same name, so
  // from here on the library's user is known by that, and the person by their sign-in name.
  host.adoptUser(user);
  await host.keeper.adopt(tokenSetFromSession(step.session, host.now()));
}
