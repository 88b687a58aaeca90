import type { BrowserSignInView, SessionView, SettingsView } from '../../contract/views';
import type { AuthState } from '../auth';
import { formatConfigProblem, type ConfigLoadResult, type HakobuConfig } from '../config';
import { DEFAULT_PARALLEL_TRANSFERS, parallelTransfers } from '../transfers/budget';
import { UserFacingError } from './dispatch';

/** What the renderer sees of the session: the auth state, plus the identity once it is known. */
export function sessionView(
  state: AuthState,
  identity: { identityId?: string; error?: UserFacingError } = {},
  totpUri?: string,
  browserSignIn?: BrowserSignInView,
): SessionView {
  switch (state.status) {
    case 'signedOut':
    case 'expired':
      return browserSignIn ? { ...state, browserSignIn } : state;
    case 'signedIn':
      return {
        status: 'signedIn',
        username: state.username,
        keychain: state.keychain,
        ...(identity.identityId ? { identityId: identity.identityId } : {}),
        ...(identity.error
          ? {
              error: {
                code: identity.error.code,
                message: identity.error.message,
                ...(identity.error.params ? { params: identity.error.params } : {}),
              },
            }
          : {}),
      };
    case 'challenge':
      return {
        ...state,
        ...(state.challenge === 'MFA_SETUP' && totpUri ? { otpauthUri: totpUri } : {}),
      };
    default:
      return state;
  }
}

/** What the sign-in screen needs to offer browser sign-in, when IT configured it. */
export function browserSignInView(config: HakobuConfig | undefined): BrowserSignInView | undefined {
  if (config?.signIn.method !== 'managedLogin') return undefined;
  const name = config.signIn.displayName ?? config.signIn.identityProvider;
  return name ? { name } : {};
}

/** The settings a user may see and change, with where each value comes from. */
export function settingsView(load: ConfigLoadResult & { ok: true }): SettingsView {
  const { transfers, ui } = load.config;
  const sources: SettingsView['sources'] = {};
  for (const [path, origin] of Object.entries(load.origins)) {
    sources[path] = { source: origin.source, locked: origin.locked };
  }
  sources[PARALLEL] = parallelSource(load);
  return {
    values: {
      transfers: {
        parallelTransfers: parallelTransfers(transfers),
        conflictPolicy: transfers.conflictPolicy,
      },
      ui: { language: ui.language, theme: ui.theme },
    },
    sources,
  };
}

const PARALLEL = 'transfers.parallelTransfers';
const OLD_PAIR = ['transfers.concurrency', 'transfers.partConcurrency'] as const;

/**
 * Where the parallel-transfers value the engine runs with comes from. It is not always its own
 * key's origin: HAKOBU_PARALLEL_TRANSFERS overrides every file, and an old concurrency pair can
 * cap it below the configured value; then the screen names what actually decides the number, and
 * a cap IT set in the old keys shows as locked, because the user cannot raise it.
 */
function parallelSource(load: ConfigLoadResult & { ok: true }): SettingsView['sources'][string] {
  const { transfers } = load.config;
  const own = load.origins[PARALLEL] ?? { source: 'default', locked: false };
  const configured = transfers.parallelTransfers ?? DEFAULT_PARALLEL_TRANSFERS;
  const uncapped = parallelTransfers({ parallelTransfers: transfers.parallelTransfers });
  if (uncapped !== configured) return { source: 'env', locked: false };
  if (parallelTransfers(transfers) >= uncapped) return { source: own.source, locked: own.locked };
  const cappers = OLD_PAIR.map((path) => load.origins[path]).filter(
    (origin) => origin !== undefined && origin.source !== 'default',
  );
  const decider = [own, ...cappers].find((origin) => origin?.locked) ?? cappers[0] ?? own;
  return { source: decider.source, locked: decider.locked };
}

/** Turns a configuration that does not load into one user-facing error naming file, field and fix. */
export function configError(load: ConfigLoadResult & { ok: false }): UserFacingError {
  const first = load.errors[0];
  const message = load.errors.map((problem) => formatConfigProblem(problem)).join('\n');
  return new UserFacingError(
    'config.invalid',
    message || 'Hakobu is not configured yet.',
    first ? { field: first.field ?? '', file: first.file ?? '' } : undefined,
  );
}
