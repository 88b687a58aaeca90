import type * as Keytar from 'keytar';
import {
  checkSecretSize,
  SESSION_ONLY_MESSAGE,
  type SecretStore,
  type SecretStoreStatus,
  type SecretWriteResult,
} from './secret-store';
import { checkSessionBus } from './session-bus';

/** The part of keytar Hakobu uses. */
export type KeytarApi = Pick<typeof Keytar, 'getPassword' | 'setPassword' | 'deletePassword'>;

export interface KeytarStoreOptions {
  /** The keychain service name; 'Hakobu' unless a test wants its own. */
  service?: string;
  /**
   * How long one keychain call may take. Without a Secret Service, libsecret can wait forever
   * (e.g. on a D-Bus socket that never answers), so every call is bounded.
   */
  timeoutMs?: number;
  /** Loads keytar; replaceable so a test can play a machine where the native module is missing. */
  loadKeytar?: () => Promise<KeytarApi>;
  platform?: NodeJS.Platform;
  /** Where to find the D-Bus session bus on Linux; process.env by default. */
  env?: NodeJS.ProcessEnv;
}

class TimedOut extends Error {}

const PROBE_ACCOUNT = '__hakobu_keychain_probe__';

// keytar is a native module: importing it lazily lets the CLI start (session-only) without it.
async function importKeytar(): Promise<KeytarApi> {
  const loaded = await import('keytar');
  // keytar is CommonJS: depending on the loader its functions sit on the namespace or on default.
  return (loaded as { default?: KeytarApi }).default ?? loaded;
}

function backendName(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'macOS Keychain';
  if (platform === 'win32') return 'Windows Credential Manager';
  return 'Secret Service';
}

function unavailableFix(platform: NodeJS.Platform): string {
  if (platform === 'darwin')
    return 'Unlock your login keychain in Keychain Access, then restart Hakobu.';
  if (platform === 'win32')
    return 'Check that Windows Credential Manager works for your account, then restart Hakobu.';
  return 'Install and unlock a Secret Service keyring (GNOME Keyring or KWallet) in your desktop session, then restart Hakobu.';
}

/** The system keychain through keytar: macOS Keychain, Windows Credential Manager or Secret Service. */
export class KeytarSecretStore implements SecretStore {
  private readonly service: string;
  private readonly timeoutMs: number;
  private readonly loadKeytar: () => Promise<KeytarApi>;
  private readonly platform: NodeJS.Platform;
  private readonly env: NodeJS.ProcessEnv;
  private probe: Promise<{ status: SecretStoreStatus; keytar?: KeytarApi }> | undefined;

  constructor(options: KeytarStoreOptions = {}) {
    this.service = options.service ?? 'Hakobu';
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.loadKeytar = options.loadKeytar ?? importKeytar;
    this.platform = options.platform ?? process.platform;
    this.env = options.env ?? process.env;
  }

  /** True when the keychain answered a write and delete probe. */
  async available(): Promise<boolean> {
    return (await this.status()).mode === 'keychain';
  }

  /** Probes the keychain once (a write and a delete, since some keyrings read but cannot write). */
  status(): Promise<SecretStoreStatus> {
    this.probe ??= this.runProbe();
    return this.probe.then((p) => p.status);
  }

  /** The secret, or null when absent or when the keychain cannot be read. */
  async get(account: string): Promise<string | null> {
    const keytar = await this.ready();
    if (!keytar) return null;
    try {
      return await this.bounded(keytar.getPassword(this.service, account));
    } catch (error) {
      this.noteFailure(error);
      return null;
    }
  }

  /** Stores a secret after the size check; never falls back to anything but the keychain. */
  async set(account: string, secret: string): Promise<SecretWriteResult> {
    const size = checkSecretSize(secret);
    if (!size.ok) return size;
    const keytar = await this.ready();
    if (!keytar) {
      return { ok: false, code: 'KEYCHAIN_UNAVAILABLE', message: SESSION_ONLY_MESSAGE, params: {} };
    }
    try {
      await this.bounded(keytar.setPassword(this.service, account, secret));
      return { ok: true };
    } catch (error) {
      this.noteFailure(error);
      return {
        ok: false,
        code: 'KEYCHAIN_WRITE_FAILED',
        message: `The system keychain refused to save your sign-in (${describe(error)}). You will need to sign in again next time.`,
        params: { detail: describe(error) },
      };
    }
  }

  /** Removes a secret; false when there was none or the keychain cannot be reached. */
  async delete(account: string): Promise<boolean> {
    const keytar = await this.ready();
    if (!keytar) return false;
    try {
      return await this.bounded(keytar.deletePassword(this.service, account));
    } catch (error) {
      this.noteFailure(error);
      return false;
    }
  }

  private async ready(): Promise<KeytarApi | undefined> {
    await this.status();
    const probe = await this.probe;
    return probe?.status.mode === 'keychain' ? probe.keytar : undefined;
  }

  private async runProbe(): Promise<{ status: SecretStoreStatus; keytar?: KeytarApi }> {
    if (this.platform !== 'darwin' && this.platform !== 'win32') {
      const bus = await checkSessionBus(this.env, this.timeoutMs);
      if (bus.outcome === 'silent') {
        return { status: this.sessionOnly('KEYCHAIN_TIMED_OUT', new Error(bus.detail)) };
      }
    }
    let keytar: KeytarApi;
    try {
      keytar = await this.bounded(this.loadKeytar());
    } catch (error) {
      return { status: this.sessionOnly('KEYCHAIN_MODULE_UNAVAILABLE', error) };
    }
    try {
      await this.bounded(keytar.setPassword(this.service, PROBE_ACCOUNT, 'probe'));
      await this.bounded(keytar.deletePassword(this.service, PROBE_ACCOUNT));
    } catch (error) {
      const code = error instanceof TimedOut ? 'KEYCHAIN_TIMED_OUT' : 'KEYCHAIN_NOT_REACHABLE';
      return { status: this.sessionOnly(code, error) };
    }
    return { status: { mode: 'keychain', backend: backendName(this.platform) }, keytar };
  }

  /** A keychain that stops answering stays unused: each further call would only wait again. */
  private noteFailure(error: unknown): void {
    if (error instanceof TimedOut) {
      this.probe = Promise.resolve({ status: this.sessionOnly('KEYCHAIN_TIMED_OUT', error) });
    }
  }

  private sessionOnly(
    code: 'KEYCHAIN_MODULE_UNAVAILABLE' | 'KEYCHAIN_NOT_REACHABLE' | 'KEYCHAIN_TIMED_OUT',
    error: unknown,
  ): SecretStoreStatus {
    const fix =
      code === 'KEYCHAIN_MODULE_UNAVAILABLE'
        ? 'Reinstall Hakobu; its keychain component could not be loaded.'
        : unavailableFix(this.platform);
    return {
      mode: 'session-only',
      code,
      message: SESSION_ONLY_MESSAGE,
      fix,
      detail: describe(error),
    };
  }

  private bounded<T>(work: Promise<T>): Promise<T> {
    // A call that times out may still settle later; swallow that so it is not an unhandled rejection.
    work.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new TimedOut(`the keychain did not answer within ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
      timer.unref();
    });
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
