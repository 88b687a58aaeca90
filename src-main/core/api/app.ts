import { join } from 'node:path';
import type { EventChannels, EventName } from '../../contract/channels';
import type { SessionView } from '../../contract/views';
import { createAuthSession, type AuthSession, type OpenBrowser } from '../auth';
import { loadConfig, type HakobuConfig, type LoadConfigOptions } from '../config';
import { ChosenFiles } from '../files';
import type { MediaServer, MediaUrlBuilder, ThumbnailRenderer } from '../library';
import type { Logger } from '../log/logger';
import { FileOffers } from '../open-files';
import type { SecretStore } from '../secrets';
import {
  toUserError,
  UserFacingError,
  type BridgeHandlers,
  type ContractHandlers,
} from './dispatch';
import { buildHandlers, EMPTY_TRANSFERS } from './handlers';
import { createSessionServices, type SessionServices } from './session-services';
import { startTransferFeed, type TransferFeed } from './transfer-feed';
import { browserSignInView, configError, sessionView } from './views';

export interface HakobuAppOptions {
  shell: 'electron' | 'web' | 'cli';
  version: string;
  /** The OS locale (e.g. "ja-JP"): the UI language when the setting is 'system'. */
  locale: string;
  dirs: { userData: string; cache: string; downloads: string };
  /** An explicit config file (HAKOBU_CONFIG or --config); the user's file lives in userData. */
  configPath?: string;
  env?: NodeJS.ProcessEnv;
  secrets: SecretStore;
  log: Logger;
  /** How image URLs are written for this shell (hakobu-media:// by default). */
  mediaUrl?: MediaUrlBuilder;
  /** Where thumbnails are decoded: Electron passes a utilityProcess one; Node children otherwise. */
  thumbnailRenderer?: ThumbnailRenderer;
  /** The shell's native file or folder dialog: the paths chosen, or none when cancelled. */
  showFileDialog?: (kind: 'files' | 'folder') => Promise<string[]>;
  /** Only paths inside this folder can become file handles (the web harness's staging folder). */
  chosenFilesWithin?: string;
  /** False in an installed app: HAKOBU_MANAGED_CONFIG may then never replace IT's managed file. */
  allowManagedOverride?: boolean;
  /** Opens the system browser for browser sign-in (Electron: shell.openExternal). */
  openBrowser?: OpenBrowser;
  /** The sign-in deep link the installer registered (hakobu://callback), if any. */
  signInRedirectUri?: string;
}

type Emit = <E extends EventName>(event: E, payload: EventChannels[E]) => void;

/** Hakobu's core behind the contract: what Electron, the web harness and the CLI all drive. */
export interface HakobuApp {
  handlers: ContractHandlers;
  /** The preload-only channels: Electron's IPC wiring serves them, the harness never does. */
  bridgeHandlers: BridgeHandlers;
  /** What the user chose, by handle: shells register dropped, picked or staged paths here. */
  files: ChosenFiles;
  /** Files opened with Hakobu (command line, second instance, Open With) awaiting the user. */
  offers: FileOffers;
  /** Answers hakobu-media:// requests for the signed-in user (401 otherwise). */
  media: MediaServer;
  subscribe(emit: Emit): () => void;
  /** Restores the session from the keychain and resumes journaled uploads. */
  start(): Promise<SessionView>;
  /** Files still uploading (the shell asks before quitting while this is non-zero). */
  activeTransfers(): number;
  /** The running services, for the CLI (undefined until signed in). */
  services(): SessionServices | undefined;
  auth(): AuthSession;
  /** A sign-in redirect that arrived as a deep link (hakobu://callback?…); true when taken. */
  acceptSignInRedirect(url: string): boolean;
  dispose(): Promise<void>;
}

/** Creates the app: loads config, builds the auth session, and follows it with per-user services. */
export function createHakobuApp(options: HakobuAppOptions): HakobuApp {
  const log = options.log;
  const configOptions: LoadConfigOptions = {
    userConfigPath: join(options.dirs.userData, 'config.json'),
    ...(options.configPath ? { configPath: options.configPath } : {}),
    ...(options.env ? { env: options.env } : {}),
    ...(options.allowManagedOverride === false ? { allowManagedOverride: false } : {}),
  };
  const files = new ChosenFiles(
    options.chosenFilesWithin ? { within: options.chosenFilesWithin } : {},
  );
  const listeners = new Set<Emit>();
  const emit: Emit = (event, payload) => listeners.forEach((listener) => listener(event, payload));

  const offers = new FileOffers({
    files,
    emit: (offer) => emit('files.offered', offer),
    log: log.child('open-files'),
  });

  const initial = loadConfig(configOptions);
  for (const warning of initial.warnings) log.warn(warning.message);
  const config: HakobuConfig | undefined = initial.ok ? initial.config : undefined;
  const authSession = config
    ? createAuthSession({
        config,
        secrets: options.secrets,
        log,
        language: pageLanguageOf(config, options.locale),
        ...(options.openBrowser ? { openBrowser: options.openBrowser } : {}),
        ...(options.signInRedirectUri ? { fallbackRedirectUri: options.signInRedirectUri } : {}),
      })
    : undefined;
  const browserSignIn = browserSignInView(config);

  let current: SessionServices | undefined;
  let identityError: UserFacingError | undefined;
  let building: Promise<void> | undefined;
  let previousStatus: string | undefined;
  let feed: TransferFeed | undefined;

  // Without a loadable config there is no session at all: every session call answers with why.
  const configProblem = initial.ok ? undefined : configError(initial);
  const requireAuth = (): AuthSession => {
    if (authSession) return authSession;
    throw configProblem ?? new UserFacingError('internal', 'No session.');
  };
  const view = (): SessionView =>
    authSession
      ? sessionView(
          authSession.state,
          {
            ...(current ? { identityId: current.identityId } : {}),
            ...(identityError ? { error: identityError } : {}),
          },
          authSession.totpSetupUri(),
          browserSignIn,
        )
      : { status: 'signedOut', keychain: 'unavailable', error: toUserError(configProblem) };

  const wire = (services: SessionServices) => {
    feed?.stop();
    feed = startTransferFeed(services.transfers, (snapshot) => emit('transfers.changed', snapshot));
    services.transfers.on('conflict', (prompt) => emit('transfers.conflict', prompt));
    services.transfers.on('finished', (item) => {
      if (item.state === 'completed')
        emit('library.objectAdded', { location: item.location, key: item.key });
    });
  };

  // Signed-in services follow the auth state: built once per user, kept while the session is
  // merely expired (the queue waits for the next sign-in), torn down on sign-out.
  const follow = async () => {
    if (!authSession || !config) return;
    const state = authSession.state;
    if (state.status === 'signedIn' && current?.username !== state.username) {
      feed?.stop();
      await current?.dispose();
      current = undefined;
      try {
        current = await createSessionServices({
          config,
          auth: authSession,
          username: state.username,
          dirs: options.dirs,
          ...(options.mediaUrl ? { mediaUrl: options.mediaUrl } : {}),
          ...(options.thumbnailRenderer ? { thumbnailRenderer: options.thumbnailRenderer } : {}),
          log,
        });
        identityError = undefined;
        wire(current);
        // The new engine's first delta: its seq follows nothing a window has seen, so every
        // window asks for this queue's snapshot instead of mixing it with the last one.
        feed?.flush();
      } catch (error) {
        identityError =
          error instanceof UserFacingError
            ? error
            : new UserFacingError(
                'identity.failed',
                'Hakobu could not get storage access for your account. Run Diagnostics for details.',
              );
        log.error('identity services failed', error);
      }
    } else if (state.status === 'signedIn' && current && previousStatus !== 'signedIn') {
      // Back from an expired session: only uploads stopped by it continue; paused ones stay paused.
      const waiting = current.transfers
        .itemsIn('failed')
        .filter((item) => item.error?.code === 'transfer.signInRequired')
        .map((item) => item.id);
      if (waiting.length) void current.transfers.retry(waiting);
    } else if (state.status === 'signedOut' && current) {
      feed?.stop();
      await current.dispose();
      current = undefined;
      // Seq 0 follows no engine's delta: windows resync, and get EMPTY_TRANSFERS.
      const { seq, total } = EMPTY_TRANSFERS;
      emit('transfers.changed', { seq, upserts: [], removed: [], total });
    }
    previousStatus = state.status;
    emit('session.changed', view());
  };
  const settle = () => (building = (building ?? Promise.resolve()).then(follow, follow));
  authSession?.onChange(() => void settle());

  const app: HakobuApp = {
    bridgeHandlers: {
      'files.register': async ({ paths }) => files.register(paths),
    },
    files,
    offers,
    handlers: buildHandlers({
      options,
      configOptions,
      files,
      offers,
      auth: requireAuth,
      services: () => current,
      view,
      settled: async () => {
        await settle();
        return view();
      },
    }),
    media: async (request) =>
      current ? current.library.media(request) : new Response('Sign in first', { status: 401 }),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start: async () => {
      if (authSession) await authSession.restore();
      await settle();
      return view();
    },
    activeTransfers: () => current?.transfers.totals().active ?? 0,
    services: () => current,
    auth: requireAuth,
    acceptSignInRedirect: (url) => authSession?.browser.acceptRedirect(url) ?? false,
    dispose: async () => {
      await building;
      feed?.stop();
      await current?.dispose();
      authSession?.dispose();
      listeners.clear();
    },
  };
  return app;
}

/** The language of the browser tab after sign-in when the browser does not say: the UI's. */
function pageLanguageOf(config: HakobuConfig, locale: string): 'en' | 'ja' {
  const language = config.ui.language === 'system' ? locale : config.ui.language;
  return language.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
