import type { ManagedUpdates, UpdateChannel } from '../config';
import { canSelfUpdate, type InstallKind } from './install-kind';
import type { UpdateFeed } from './updater';

/** Facts about this run that no configuration can change. */
export interface UpdateRuntime {
  /** Which shell runs core: only the installed desktop app ever updates itself. */
  shell: 'electron' | 'web' | 'cli';
  /** Electron's app.isPackaged. */
  isPackaged: boolean;
  /** A bundle built for release (core/config RELEASE_BUILD): false from source or a dev build. */
  releaseBuild: boolean;
  installKind: InstallKind;
  /** The installer carries a feed address (resources/app-update.yml from electron-builder's publish). */
  hasBuiltInFeed: boolean;
}

/** Why updates are off on this machine. */
export type UpdateOffReason =
  | 'harness'
  | 'not-packaged'
  | 'development'
  | 'managed-config-invalid'
  | 'disabled-by-it'
  | 'installer-not-updatable'
  | 'no-feed';

/** What the updater does: nothing (and why), or check this feed on this channel. */
export type UpdateDecision =
  | { action: 'off'; reason: UpdateOffReason; detail: string }
  | {
      action: 'check';
      feed: UpdateFeed;
      channel: UpdateChannel;
      /** Never: a feed (or a channel switch) must not move a machine to an older version. */
      allowDowngrade: false;
      autoDownload: true;
      /** Installed when the user quits, so an upload is never cut off by a restart. */
      autoInstallOnAppQuit: true;
      /** Who chose the feed and channel: IT's managed file, or the defaults. */
      setBy: 'managed' | 'default';
    };

const off = (reason: UpdateOffReason, detail: string): UpdateDecision => ({
  action: 'off',
  reason,
  detail,
});

/**
 * Decides whether and how Hakobu updates itself. Pure: the same settings and facts always give
 * the same decision, so every branch is tested without Electron. Runtime facts come first, so
 * no configuration can make a development run, the web harness or the CLI update anything.
 */
export function decideUpdates(managed: ManagedUpdates, runtime: UpdateRuntime): UpdateDecision {
  if (runtime.shell !== 'electron')
    return off('harness', `the ${runtime.shell} shell never updates itself`);
  if (!runtime.isPackaged) return off('not-packaged', 'Hakobu is not running from an installer');
  if (!runtime.releaseBuild) return off('development', 'this is a development build');
  if (managed.status === 'error') {
    const first = managed.problems[0];
    return off(
      'managed-config-invalid',
      `${managed.file} cannot be used (${first ? first.message : 'unreadable'}), so updates stay off until IT fixes it`,
    );
  }
  const { updates } = managed;
  if (!updates.enabled)
    return off('disabled-by-it', `${managed.file} sets updates.enabled to false`);
  if (!canSelfUpdate(runtime.installKind)) {
    return off(
      'installer-not-updatable',
      'this copy was installed by an MSI or copied into place, so the tool that deployed it updates it',
    );
  }
  if (!updates.url && !runtime.hasBuiltInFeed)
    return off('no-feed', 'no updates.url is set and the installer carries no update address');
  return {
    action: 'check',
    feed: updates.url ? { provider: 'generic', url: updates.url } : { provider: 'built-in' },
    channel: updates.channel,
    allowDowngrade: false,
    autoDownload: true,
    autoInstallOnAppQuit: true,
    setBy: managed.setBy,
  };
}
