import { join } from 'node:path';
import type { SessionView } from '../../contract/views';
import { createHakobuApp, type HakobuApp } from '../../core/api/app';
import { userConfigDir } from '../../core/config';
import { ensurePrivateDir } from '../../core/fs/private-dir';
import { createLogger, silentLogger, type Logger } from '../../core/log/logger';
import { KeytarSecretStore, type SecretStore } from '../../core/secrets';
import type { Output } from '../io/output';
import type { Prompter } from '../io/prompt';
import { HAKOBU_VERSION } from './version';

/** What every command gets: where to write, how to ask, and the app, opened on demand. */
export interface CliContext {
  out: Output;
  prompt: Prompter;
  verbose: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
  secrets: SecretStore;
  log: Logger;
  /** --config, when given (else HAKOBU_CONFIG, read by the config loader). */
  configPath?: string;
  /** Creates the app and restores the session from the keychain (once per run). */
  open(): Promise<OpenedApp>;
}

/** The app of this run and the session it restored at start. */
export interface OpenedApp {
  app: HakobuApp;
  view: SessionView;
}

/** What the entry point knows before any command runs. */
export interface ContextOptions {
  out: Output;
  prompt: Prompter;
  verbose: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
  configPath?: string;
}

/** Logs go to stderr only with --verbose, already redacted by the logger. */
function stderrLogger(out: Output): Logger {
  return createLogger((level, message, data) => {
    const details = data.map((d) => (typeof d === 'string' ? d : JSON.stringify(d))).join(' ');
    out.note(`[${level}] ${message}${details ? ` ${details}` : ''}`);
  });
}

/** The user's locale from LANG/LC_ALL (ja_JP.UTF-8 → ja-JP); en-US for C, POSIX or nothing. */
function localeOf(env: NodeJS.ProcessEnv): string {
  const match = /^([a-z]{2,3})(?:_([A-Z]{2}))?/.exec(env.LC_ALL || env.LANG || '');
  if (!match?.[1]) return 'en-US';
  return match[2] ? `${match[1]}-${match[2]}` : match[1];
}

/** Builds the context of one CLI run; `dispose` closes the app if a command opened it. */
export function createCliContext(options: ContextOptions): {
  context: CliContext;
  dispose(): Promise<void>;
} {
  const log = options.verbose ? stderrLogger(options.out) : silentLogger;
  const secrets = new KeytarSecretStore({ env: options.env });
  let opened: Promise<OpenedApp> | undefined;
  let app: HakobuApp | undefined;

  const open = (): Promise<OpenedApp> => {
    opened ??= (async () => {
      // The same folder Electron uses as userData: config, identity cache and upload journal
      // are shared with the desktop app.
      const userData = userConfigDir(options.env);
      // It holds the journal (names of the user's files) and config: private, whoever made it.
      // A folder that cannot be made (a read-only home) fails only the writes that need it.
      await ensurePrivateDir(userData).catch((error: unknown) =>
        log.warn(`cannot make ${userData} private`, error),
      );
      app = createHakobuApp({
        shell: 'cli',
        version: HAKOBU_VERSION,
        locale: localeOf(options.env),
        dirs: { userData, cache: join(userData, 'cache'), downloads: options.cwd },
        ...(options.configPath ? { configPath: options.configPath } : {}),
        env: options.env,
        secrets,
        log,
      });
      return { app, view: await app.start() };
    })();
    return opened;
  };

  const context: CliContext = {
    out: options.out,
    prompt: options.prompt,
    verbose: options.verbose,
    env: options.env,
    cwd: options.cwd,
    secrets,
    log,
    ...(options.configPath ? { configPath: options.configPath } : {}),
    open,
  };
  return {
    context,
    dispose: async () => {
      await app?.dispose();
    },
  };
}
