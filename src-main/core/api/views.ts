import type { SessionView, SettingsView } from '../../contract/views';
import type { AuthState } from '../auth';
import { formatConfigProblem, type ConfigLoadResult } from '../config';
import { UserFacingError } from './dispatch';

/** What the renderer sees of the session: the auth state, plus the identity once it is known. */
export function sessionView(
  state: AuthState,
  identity: { identityId?: string; error?: UserFacingError } = {},
  totpUri?: string,
): SessionView {
  switch (state.status) {
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

/** The settings a user may see and change, with where each value comes from. */
export function settingsView(load: ConfigLoadResult & { ok: true }): SettingsView {
  const { transfers, ui } = load.config;
  const sources: SettingsView['sources'] = {};
  for (const [path, origin] of Object.entries(load.origins)) {
    sources[path] = { source: origin.source, locked: origin.locked };
  }
  return {
    values: {
      transfers: {
        concurrency: transfers.concurrency,
        partConcurrency: transfers.partConcurrency,
        conflictPolicy: transfers.conflictPolicy,
      },
      ui: { language: ui.language, theme: ui.theme },
    },
    sources,
  };
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
