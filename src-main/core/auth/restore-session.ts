import { toUserError, type UserFacingError } from '../api/dispatch';
import type { Logger } from '../log/logger';
import type { AuthState, AuthStateHolder } from './auth-state';
import type { RefreshTokenVault } from './refresh-token-vault';
import type { TokenKeeper } from './token-keeper';

/** What a silent restore needs from the session it moves. */
export interface RestoreHost {
  holder: AuthStateHolder;
  vault: RefreshTokenVault;
  keeper: TokenKeeper;
  log: Logger;
  translate(error: unknown): UserFacingError;
  enterExpired(
    who: { username: string; signInName: string },
    error: UserFacingError,
  ): Promise<void>;
}

/**
 * Signs in silently with the refresh token from the keychain. Without a keychain, or with nothing
 * stored, stays signed out; a dead token ends in `expired` ("please sign in again"); a network
 * failure keeps the token for the next attempt.
 */
export async function restoreFromKeychain(host: RestoreHost): Promise<AuthState> {
  const keychain = await host.vault.probe();
  if (host.holder.state.status !== 'signedOut') return host.holder.state;
  const saved = await host.vault.read();
  if (!saved) {
    const lastUsername = await host.vault.lastSignInName();
    host.holder.set({ status: 'signedOut', keychain, ...(lastUsername ? { lastUsername } : {}) });
    return host.holder.state;
  }
  host.keeper.reset();
  try {
    const tokens = await host.keeper.exchange(saved.refreshToken, saved.method);
    await host.keeper.adopt(tokens, saved.refreshToken);
  } catch (raw) {
    const error = host.translate(raw);
    host.log.info(`restore failed: ${error.code}`);
    if (error.code === 'auth.sessionExpired') {
      await host.enterExpired(saved, error);
    } else {
      // Offline at launch, say: the token stays in the keychain for the next attempt.
      host.holder.set({
        status: 'signedOut',
        keychain,
        lastUsername: saved.signInName,
        error: toUserError(error),
      });
    }
  }
  return host.holder.state;
}
