import type { UpdateChannel } from '../config';

/** Where the updater reads latest.yml: IT's server, or the address built into the installer. */
export type UpdateFeed = { provider: 'generic'; url: string } | { provider: 'built-in' };

/** What an update brings, as far as Hakobu logs it. */
export interface UpdateInfoSummary {
  version: string;
}

/** The events the service listens for. */
export interface UpdaterEvents {
  'update-available': (info: UpdateInfoSummary) => void;
  'update-not-available': (info: UpdateInfoSummary) => void;
  'update-downloaded': (info: UpdateInfoSummary) => void;
  error: (error: Error) => void;
}

/** How the updater is told to behave before its first check. */
export interface UpdaterSettings {
  feed: UpdateFeed;
  channel: UpdateChannel;
  allowDowngrade: false;
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
}

/**
 * The part of electron-updater's autoUpdater Hakobu uses, so the policy and the service run in
 * plain Node against a fake, and Electron's side stays a thin adapter.
 */
export interface Updater {
  configure(settings: UpdaterSettings): void;
  checkForUpdates(): Promise<void>;
  on<E extends keyof UpdaterEvents>(event: E, listener: UpdaterEvents[E]): void;
}
