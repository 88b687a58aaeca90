import { randomBytes } from 'node:crypto';

/** What an authorization code stands for; bound to everything the token request must repeat. */
export interface CodeGrant {
  poolId: string;
  clientId: string;
  redirectUri: string;
  codeChallenge?: string;
  nonce?: string;
  scopes: string[];
  username: string;
  /** Epoch seconds of the sign-in. */
  authTime: number;
  expiresAt: number;
}

/** A signed-in browser (Cognito's session cookie): later authorize requests skip the password. */
export interface BrowserSession {
  poolId: string;
  username: string;
  authTime: number;
  expiresAt: number;
}

/** An authorize request waiting for the company IdP's answer, keyed by the state sent there. */
export interface PendingFederation {
  /** The authorize query as the app sent it, replayed when the IdP answers. */
  query: string;
  provider: string;
  /** The nonce Cognito sent the IdP, checked in its ID token. */
  nonce: string;
  expiresAt: number;
}

/** Codes live 5 minutes, as Cognito's do; sessions an hour, like its cookie. */
export const CODE_LIFETIME_MS = 5 * 60_000;
export const SESSION_LIFETIME_MS = 60 * 60_000;
const PENDING_LIFETIME_MS = 10 * 60_000;

/** A random, URL-safe secret. */
export const newSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

// Entries that can no longer be used go when the next one is added, so the maps stay small.
function sweep<T extends { expiresAt: number }>(map: Map<string, T>, now: number): void {
  for (const [key, value] of map) if (value.expiresAt <= now) map.delete(key);
}

/**
 * Managed login's short-lived memory: codes, browser sessions and pending federations. Kept in
 * memory on purpose: a restart forgets them, as a lost cookie or an expired code would.
 */
export class ManagedLoginStore {
  private readonly codes = new Map<string, CodeGrant>();
  private readonly sessions = new Map<string, BrowserSession>();
  private readonly pending = new Map<string, PendingFederation>();

  /** `codeCapMs` may shorten a code's life below Cognito's 5 minutes (a fault setting). */
  constructor(
    private readonly now: () => number,
    private readonly codeCapMs: () => number | undefined = () => undefined,
  ) {}

  /** Issues a single-use code for a finished sign-in. */
  issueCode(grant: Omit<CodeGrant, 'expiresAt'>): string {
    sweep(this.codes, this.now());
    const code = newSecret();
    const lifetime = Math.min(CODE_LIFETIME_MS, this.codeCapMs() ?? CODE_LIFETIME_MS);
    this.codes.set(code, { ...grant, expiresAt: this.now() + lifetime });
    return code;
  }

  /** Takes a code out for good (used or not, it never works twice); undefined when unknown or expired. */
  redeemCode(code: string): CodeGrant | undefined {
    const grant = this.codes.get(code);
    this.codes.delete(code);
    return grant && grant.expiresAt > this.now() ? grant : undefined;
  }

  /** Starts a browser session; returns the cookie value. */
  startSession(session: Omit<BrowserSession, 'expiresAt'>): string {
    sweep(this.sessions, this.now());
    const id = newSecret();
    this.sessions.set(id, { ...session, expiresAt: this.now() + SESSION_LIFETIME_MS });
    return id;
  }

  /** The live session of a cookie value, if any. */
  session(id: string | undefined): BrowserSession | undefined {
    const session = id === undefined ? undefined : this.sessions.get(id);
    return session && session.expiresAt > this.now() ? session : undefined;
  }

  /** Ends a browser session (logout). */
  endSession(id: string | undefined): void {
    if (id !== undefined) this.sessions.delete(id);
  }

  /** Remembers an authorize request sent on to an IdP; returns the state to send with it. */
  awaitProvider(pending: Omit<PendingFederation, 'expiresAt'>): string {
    sweep(this.pending, this.now());
    const state = newSecret();
    this.pending.set(state, { ...pending, expiresAt: this.now() + PENDING_LIFETIME_MS });
    return state;
  }

  /** Takes out the request an IdP answers (once); undefined when unknown or too old. */
  takePending(state: string): PendingFederation | undefined {
    const pending = this.pending.get(state);
    this.pending.delete(state);
    return pending && pending.expiresAt > this.now() ? pending : undefined;
  }
}
