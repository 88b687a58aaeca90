// The data that crosses the IPC boundary. Plain, serializable, and free of secrets by construction:
// no token, credential or file content ever has a field here.

/** A failure the user can act on: a stable code for translation, and English words as a fallback. */
export interface UserError {
  code: string;
  message: string;
  /** Values the translated message interpolates (e.g. a file name, a field). */
  params?: Record<string, string | number>;
}

export type KeychainStatus = 'available' | 'unavailable';

export type ChallengeKind =
  'NEW_PASSWORD_REQUIRED' | 'SOFTWARE_TOKEN_MFA' | 'SMS_MFA' | 'MFA_SETUP';

export type SessionView =
  | {
      status: 'signedOut';
      keychain: KeychainStatus;
      lastUsername?: string;
      error?: UserError;
      /** Browser sign-in (managed login) is waiting for the user to finish in their browser. */
      browser?: 'waiting';
      browserSignIn?: BrowserSignInView;
    }
  | {
      status: 'challenge';
      username: string;
      challenge: ChallengeKind;
      /** Masked phone number for SMS_MFA. */
      destination?: string;
      /** otpauth:// URI to show as a QR code during TOTP enrolment (MFA_SETUP). */
      otpauthUri?: string;
      keychain: KeychainStatus;
      error?: UserError;
    }
  | {
      status: 'resettingPassword';
      username: string;
      /** Where the code was sent, masked. */
      destination?: string;
      keychain: KeychainStatus;
      error?: UserError;
    }
  | {
      status: 'signedIn';
      username: string;
      /**
       * The Identity Pool identity ID: every upload goes under `<identityId>/`. Absent when the
       * Identity Pool refused the user (then `error` says why, in words IT can act on).
       */
      identityId?: string;
      keychain: KeychainStatus;
      error?: UserError;
    }
  | {
      status: 'expired';
      username: string;
      keychain: KeychainStatus;
      error: UserError;
      browserSignIn?: BrowserSignInView;
    };

/** Present when IT configured browser sign-in: the sign-in screen shows "Sign in with <name>". */
export interface BrowserSignInView {
  /** The company's name (signIn.displayName, else the IdP's); absent: a generic label. */
  name?: string;
}

export type TransferState =
  'queued' | 'uploading' | 'paused' | 'conflict' | 'completed' | 'skipped' | 'failed' | 'cancelled';

export interface TransferItemView {
  id: string;
  /** File name as the user knows it. */
  name: string;
  /** Location name the item goes to. */
  location: string;
  key: string;
  size: number;
  sentBytes: number;
  state: TransferState;
  /** Bytes per second, moving average; absent while idle. */
  speed?: number;
  etaSeconds?: number;
  error?: UserError;
  /** Something the user should know that is not a failure (e.g. "restarted: the file changed"). */
  notice?: UserError;
}

/** The queue as a whole: bytes, speed and how many items are where. */
export interface TransfersTotal {
  size: number;
  sentBytes: number;
  speed?: number;
  etaSeconds?: number;
  active: number;
  completed: number;
  failed: number;
}

export interface TransfersSnapshot {
  /** The seq of the last 'transfers.changed' delta this snapshot includes: the next one is seq + 1. */
  seq: number;
  items: TransferItemView[];
  total: TransfersTotal;
}

/**
 * What changed in the queue since the previous delta ('transfers.changed'): a client that saw
 * delta seq - 1 (or a snapshot with that seq) applies it; any other client asks for a snapshot.
 */
export interface TransfersDelta {
  seq: number;
  /** Items added or changed, whole. */
  upserts: TransferItemView[];
  /** Ids of items the queue forgot (cleared, or a new session). */
  removed: string[];
  total: TransfersTotal;
}

/** A file or folder the user chose, as the renderer knows it: a handle main resolves, and a name. */
export interface ChosenFileView {
  handle: string;
  name: string;
}

/** What queuing chosen files did: the transfer list now, and what was left out on purpose. */
export interface EnqueueResult {
  snapshot: TransfersSnapshot;
  /** Symbolic links inside chosen folders that point outside them, skipped rather than followed. */
  skippedLinks: number;
}

/** A file or folder opened with Hakobu (command line, second instance, macOS Open With). */
export interface OfferedFileView extends ChosenFileView {
  kind: 'file' | 'folder';
  /** Bytes, for a file (a folder is not walked until it is queued). */
  size?: number;
}

/** Files opened with Hakobu that wait for the user to confirm (or decline) their upload. */
export interface FilesOffer {
  files: OfferedFileView[];
  /** Items that could not be offered: missing, not a file or folder, not local, or past the cap. */
  skipped: number;
}

export interface ConflictPrompt {
  itemId: string;
  location: string;
  key: string;
  existing: { size: number; lastModified: string };
}

export type ConflictChoice = 'overwrite' | 'skip' | 'rename';

export interface LocationView {
  name: string;
  bucket: string;
  /** The resolved prefix, e.g. `ap-northeast-1:1f0c…/` — shown so users see where files really go. */
  prefix: string;
  access: 'readwrite' | 'read';
}

export interface LibraryObjectView {
  key: string;
  name: string;
  size: number;
  lastModified: string;
  isImage: boolean;
  /** hakobu-media:// URL of a ~256 px WebP thumbnail (images only). */
  thumbnailUrl?: string;
  /** hakobu-media:// URL of the full image (images only). */
  imageUrl?: string;
}

export interface LibraryPage {
  location: string;
  /** The folder listed, relative to the location's prefix ("" for its root). */
  path: string;
  folders: string[];
  objects: LibraryObjectView[];
  nextToken?: string;
}

export type SettingSource = 'default' | 'managed' | 'user' | 'env';

export interface SettingsView {
  values: {
    transfers: {
      /** Files or parts sent at once: the value the engine runs with (configured, or its default). */
      parallelTransfers: number;
      conflictPolicy: 'ask' | 'overwrite' | 'skip' | 'rename';
    };
    ui: { language: 'system' | 'ja' | 'en'; theme: 'system' | 'light' | 'dark' };
  };
  /** Per setting path (e.g. "transfers.parallelTransfers"): where its value comes from, and whether IT locked it. */
  sources: Record<string, { source: SettingSource; locked: boolean }>;
}

export interface DoctorStepView {
  id: string;
  title: string;
  status: 'ok' | 'warn' | 'fail' | 'skipped';
  /** Stable code of the outcome (e.g. "doctor.authFlow.notEnabled"): the UI translates by it. */
  code?: string;
  detail?: string;
  fix?: string;
  /** Values the translated detail and fix interpolate (bucket, role ARN, identity ID…). */
  params?: Record<string, string | number>;
}

export interface DoctorReportView {
  ok: boolean;
  steps: DoctorStepView[];
}

export interface AppInfo {
  version: string;
  /** 'electron' in the desktop app; 'web' in the development/test harness. */
  shell: 'electron' | 'web';
  platform: string;
  /** The OS locale, used when the language setting is 'system'. */
  locale: string;
}
