/**
 * Windows Credential Manager holds at most 2,560 bytes per secret (CRED_MAX_CREDENTIAL_BLOB_SIZE),
 * and keytar stores UTF-8 there. Every store enforces it, so a too-large secret fails the same way
 * on the developer's Linux machine as on a user's Windows one.
 */
export const MAX_SECRET_BYTES = 2560;

/** The words every face shows when sign-ins cannot be remembered. */
export const SESSION_ONLY_MESSAGE =
  'Your sign-in will not be remembered because no system keychain is available.';

/** Whether secrets outlive the process, and if not, why. */
export type SecretStoreStatus =
  | { mode: 'keychain'; backend: string }
  | {
      mode: 'session-only';
      /** Stable code for translation. */
      code: 'KEYCHAIN_MODULE_UNAVAILABLE' | 'KEYCHAIN_NOT_REACHABLE' | 'KEYCHAIN_TIMED_OUT';
      /** SESSION_ONLY_MESSAGE: plain words for the user. */
      message: string;
      /** What the user (or IT) can do about it. */
      fix: string;
      /** The underlying error, for logs and support. */
      detail: string;
    };

export type SecretWriteResult =
  | { ok: true }
  | {
      ok: false;
      code: 'SECRET_TOO_LARGE' | 'KEYCHAIN_UNAVAILABLE' | 'KEYCHAIN_WRITE_FAILED';
      message: string;
      params: Record<string, string | number>;
    };

/** A place for a few small secrets, keyed by account within Hakobu's service name. */
export interface SecretStore {
  /** True when secrets are kept across launches; false means session-only mode. */
  available(): Promise<boolean>;
  /** Why secrets are (or are not) kept, for the UI and CLI to show. */
  status(): Promise<SecretStoreStatus>;
  /** The secret, or null when there is none or the keychain cannot be read. */
  get(account: string): Promise<string | null>;
  /** Stores a secret; refuses (never truncates) one over MAX_SECRET_BYTES. */
  set(account: string, secret: string): Promise<SecretWriteResult>;
  /** Removes a secret; true if one was there. */
  delete(account: string): Promise<boolean>;
}

/** Refuses a secret too large for the smallest keychain Hakobu supports. */
export function checkSecretSize(secret: string): SecretWriteResult {
  const bytes = Buffer.byteLength(secret, 'utf8');
  if (bytes <= MAX_SECRET_BYTES) return { ok: true };
  return {
    ok: false,
    code: 'SECRET_TOO_LARGE',
    message: `The sign-in data is ${bytes} bytes, more than the ${MAX_SECRET_BYTES} bytes a keychain entry can hold on Windows, so it was not saved. You will need to sign in again next time.`,
    params: { bytes, limit: MAX_SECRET_BYTES },
  };
}
