import type { ChallengeKind, KeychainStatus, UserError } from '../../contract/views';

/**
 * Where the session stands. signedOut → challenge(kind) → signedIn → expired, plus the password
 * reset detour. Deliberately free of secrets (no tokens, no TOTP secret): it is emitted to
 * listeners and may be logged or sent to the renderer as is.
 */
export type AuthState =
  | {
      status: 'signedOut';
      keychain: KeychainStatus;
      lastUsername?: string;
      error?: UserError;
      /** A browser sign-in is waiting for the user to finish in the system browser. */
      browser?: 'waiting';
    }
  | {
      status: 'challenge';
      username: string;
      challenge: ChallengeKind;
      /** Masked phone number for SMS_MFA. */
      destination?: string;
      keychain: KeychainStatus;
    }
  | {
      status: 'resettingPassword';
      username: string;
      destination?: string;
      keychain: KeychainStatus;
    }
  | {
      status: 'signedIn';
      username: string;
      keychain: KeychainStatus;
      /** Epoch milliseconds on the local clock. */
      idTokenExpiresAt: number;
      accessTokenExpiresAt: number;
    }
  | { status: 'expired'; username: string; keychain: KeychainStatus; error: UserError };

/** Receives every state change. */
export type AuthStateListener = (state: AuthState) => void;

/** Holds the current state and tells listeners about each change. */
export class AuthStateHolder {
  private current: AuthState;
  private readonly listeners = new Set<AuthStateListener>();

  constructor(initial: AuthState) {
    this.current = initial;
  }

  /** The current state. */
  get state(): AuthState {
    return this.current;
  }

  /** Replaces the state and notifies listeners (a throwing listener cannot break the session). */
  set(next: AuthState): void {
    this.current = next;
    for (const listener of [...this.listeners]) {
      try {
        listener(next);
      } catch {
        // A listener's bug is its own; the session must keep working.
      }
    }
  }

  /** Subscribes to changes; returns the unsubscribe function. */
  subscribe(listener: AuthStateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
