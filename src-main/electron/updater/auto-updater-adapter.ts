import type { Logger } from '../../core/log/logger';
import type { Updater, UpdaterSettings } from '../../core/updates';

/** What the adapter touches of electron-updater's autoUpdater (its AppUpdater fits this). */
export interface AutoUpdaterLike {
  channel: string | null;
  allowDowngrade: boolean;
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  logger: {
    info(message?: unknown): void;
    warn(message?: unknown): void;
    error(message?: unknown): void;
  } | null;
  setFeedURL(options: { provider: 'generic'; url: string; channel: string }): void;
  checkForUpdates(): Promise<unknown>;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(
    event: 'update-available' | 'update-not-available' | 'update-downloaded',
    listener: (info: { version: string }) => void,
  ): unknown;
}

const text = (message: unknown): string =>
  message instanceof Error
    ? message.message
    : typeof message === 'string'
      ? message
      : String(message);

/**
 * Wraps electron-updater's autoUpdater as core's Updater. Its own log lines go through Hakobu's
 * logger, so they are redacted like every other line.
 */
export function adaptAutoUpdater(autoUpdater: AutoUpdaterLike, log: Logger): Updater {
  return {
    configure(settings: UpdaterSettings) {
      autoUpdater.logger = {
        info: (message) => log.info(text(message)),
        warn: (message) => log.warn(text(message)),
        error: (message) => log.error(text(message)),
      };
      autoUpdater.autoDownload = settings.autoDownload;
      autoUpdater.autoInstallOnAppQuit = settings.autoInstallOnAppQuit;
      if (settings.feed.provider === 'generic') {
        autoUpdater.setFeedURL({
          provider: 'generic',
          url: settings.feed.url,
          channel: settings.channel,
        });
      }
      autoUpdater.channel = settings.channel;
      // Setting a channel turns electron-updater's allowDowngrade on; IT's policy is never.
      autoUpdater.allowDowngrade = settings.allowDowngrade;
    },
    async checkForUpdates() {
      await autoUpdater.checkForUpdates();
    },
    on(event, listener) {
      if (event === 'error') autoUpdater.on('error', listener as (error: Error) => void);
      else autoUpdater.on(event, listener as (info: { version: string }) => void);
    },
  };
}
