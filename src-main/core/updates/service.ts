import type { Logger } from '../log/logger';
import type { UpdateDecision } from './policy';
import type { UpdateFeed, Updater } from './updater';

/** How often a running app looks again: a long-running session still picks up fixes the same day. */
export const CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

/** Runs `task` every `ms`; returns what stops it. Injected so tests drive the clock themselves. */
export type Every = (ms: number, task: () => void) => () => void;

const realEvery: Every = (ms, task) => {
  const timer = setInterval(task, ms);
  // A pending check must never keep the app from quitting.
  timer.unref();
  return () => clearInterval(timer);
};

/** What startUpdateService needs. */
export interface UpdateServiceOptions {
  decision: UpdateDecision;
  /** Created only when the decision is to check, so an off decision never loads electron-updater. */
  updater: () => Updater | Promise<Updater>;
  log: Logger;
  every?: Every;
}

/** A running (or deliberately idle) update service. */
export interface UpdateService {
  /** One check now; resolves when it ended (failures are logged, never thrown). */
  checkNow(): Promise<void>;
  stop(): void;
}

/** The feed as it may appear in a log line: scheme, host and path only (never credentials). */
export function describeFeed(feed: UpdateFeed): string {
  if (feed.provider === 'built-in') return 'the address built into the installer';
  const url = new URL(feed.url);
  return `${url.protocol}//${url.host}${url.pathname}`;
}

const idle: UpdateService = { checkNow: () => Promise.resolve(), stop: () => {} };

/**
 * Starts updates as the decision says: nothing when off (the reason is logged once), otherwise a
 * check now and every CHECK_INTERVAL_MS, one at a time. Errors (an unreachable server, a bad
 * signature) are logged and the app carries on; the next check tries again.
 */
export async function startUpdateService(options: UpdateServiceOptions): Promise<UpdateService> {
  const { decision } = options;
  const log = options.log.child('updates');
  if (decision.action === 'off') {
    log.info(`updates are off (${decision.reason}): ${decision.detail}`);
    return idle;
  }
  const updater = await options.updater();
  updater.configure({
    feed: decision.feed,
    channel: decision.channel,
    allowDowngrade: decision.allowDowngrade,
    autoDownload: decision.autoDownload,
    autoInstallOnAppQuit: decision.autoInstallOnAppQuit,
  });
  updater.on('update-available', (info) => log.info(`downloading version ${info.version}`));
  updater.on('update-not-available', (info) => log.info(`up to date (${info.version})`));
  updater.on('update-downloaded', (info) =>
    log.info(`version ${info.version} is ready and installs when Hakobu quits`),
  );
  updater.on('error', (error) => log.warn(`update failed: ${error.message}`));
  log.info(
    `checking ${describeFeed(decision.feed)} on the "${decision.channel}" channel (set by ${decision.setBy === 'managed' ? 'IT' : 'default'})`,
  );

  let running: Promise<void> | undefined;
  const checkNow = (): Promise<void> => {
    running ??= updater
      .checkForUpdates()
      .catch((error: unknown) =>
        log.warn(`update check failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const stop = (options.every ?? realEvery)(CHECK_INTERVAL_MS, () => void checkNow());
  void checkNow();
  return { checkNow, stop };
}
