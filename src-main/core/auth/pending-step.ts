import type { CognitoUser } from 'amazon-cognito-identity-js';
import type { ChallengeKind } from '../../contract/views';
import { noPendingChallenge } from './auth-errors';
import { totpSetupUri } from './totp-uri';

/** What the user is in the middle of: a sign-in challenge, or a password reset. */
export type PendingKind = ChallengeKind | 'PASSWORD_RESET';

/** A step waiting for the user, with the library object that holds its Cognito session. */
export interface Pending {
  user: CognitoUser;
  /** The name the user typed (before SRP renames the library's user to USER_ID_FOR_SRP). */
  username: string;
  kind: PendingKind;
}

/**
 * Remembers the one step waiting for an answer (and, during MFA_SETUP, the TOTP enrolment URI,
 * which holds a secret and so never goes into the emitted state).
 */
export class PendingStep {
  private pending: Pending | undefined;
  private totpUri: string | undefined;

  /** The step waiting, if any. */
  get current(): Pending | undefined {
    return this.pending;
  }

  /** The otpauth:// URI while MFA_SETUP waits. */
  get setupUri(): string | undefined {
    return this.pending?.kind === 'MFA_SETUP' ? this.totpUri : undefined;
  }

  /** Records a new step; for MFA_SETUP also the secret Cognito handed out, as a URI. */
  begin(pending: Pending, totpSecret?: string): void {
    this.pending = pending;
    this.totpUri = totpSecret ? totpSetupUri(pending.username, totpSecret) : undefined;
  }

  /** The waiting step if it is one of `kinds`; a plain error otherwise. */
  expect(...kinds: PendingKind[]): Pending {
    const pending = this.pending;
    if (!pending || !kinds.includes(pending.kind)) throw noPendingChallenge(kinds.join(' or '));
    return pending;
  }

  /** Forgets the step (answered, cancelled, signed out). */
  clear(): void {
    this.pending = undefined;
    this.totpUri = undefined;
  }
}
