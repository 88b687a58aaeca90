import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src-main/core/log/logger';
import {
  adaptAutoUpdater,
  type AutoUpdaterLike,
} from '../../../src-main/electron/updater/auto-updater-adapter';
import { startUpdates } from '../../../src-main/electron/updater/start-updates';

// The Electron side of updates: the adapter must leave electron-updater configured exactly as the
// policy said, and nothing may load electron-updater where updates are off. (The real package is
// not loaded here: requiring it loads `electron`, whose npm entry tries to download a binary.)

/** electron-updater's autoUpdater as far as the adapter sees it, with its channel side effect. */
class FakeAutoUpdater extends EventEmitter implements AutoUpdaterLike {
  allowDowngrade = false;
  autoDownload = true;
  autoInstallOnAppQuit = true;
  logger: AutoUpdaterLike['logger'] = null;
  feeds: unknown[] = [];
  checks = 0;
  private current: string | null = null;
  get channel(): string | null {
    return this.current;
  }
  set channel(value: string | null) {
    // What AppUpdater does (checked against electron-updater 6.8.10's AppUpdater.js).
    this.current = value;
    this.allowDowngrade = true;
  }
  setFeedURL(options: { provider: 'generic'; url: string; channel: string }): void {
    this.feeds.push(options);
  }
  checkForUpdates(): Promise<unknown> {
    this.checks += 1;
    return Promise.resolve(null);
  }
}

function recorder() {
  const lines: string[] = [];
  return { log: createLogger((_level, message) => lines.push(message)), lines };
}

describe('electron-updater adapter', () => {
  it("points the updater at IT's server and channel and keeps downgrades off after the channel is set", () => {
    const auto = new FakeAutoUpdater();
    const updater = adaptAutoUpdater(auto, recorder().log);
    updater.configure({
      feed: { provider: 'generic', url: 'https://updates.corp.example/hakobu/' },
      channel: 'beta',
      allowDowngrade: false,
      autoDownload: true,
      autoInstallOnAppQuit: true,
    });
    expect(auto.feeds).toEqual([
      { provider: 'generic', url: 'https://updates.corp.example/hakobu/', channel: 'beta' },
    ]);
    expect(auto.channel).toBe('beta');
    expect(auto.allowDowngrade).toBe(false);
  });

  it('keeps the installer feed when IT names none, and passes events and log lines through, redacted', async () => {
    const auto = new FakeAutoUpdater();
    const { log, lines } = recorder();
    const updater = adaptAutoUpdater(auto, log);
    updater.configure({
      feed: { provider: 'built-in' },
      channel: 'latest',
      allowDowngrade: false,
      autoDownload: true,
      autoInstallOnAppQuit: true,
    });
    const seen: string[] = [];
    updater.on('update-downloaded', (info) => seen.push(info.version));
    auto.emit('update-downloaded', { version: '2.0.0' });
    await updater.checkForUpdates();
    const secret = 'AKIAIOSFODNN7EXAMPLE';
    auto.logger?.info(`Downloading https://updates.example/Hakobu.exe?X-Amz-Credential=${secret}`);

    expect(auto.feeds).toEqual([]);
    expect(seen).toEqual(['2.0.0']);
    expect(auto.checks).toBe(1);
    expect(lines.at(-1)).toContain('Downloading https://updates.example/Hakobu.exe');
    expect(lines.join('\n')).not.toContain(secret);
  });
});

describe('starting updates in the app', () => {
  it('never loads electron-updater when the app is not packaged', async () => {
    let loaded = false;
    const { log, lines } = recorder();
    await startUpdates({
      app: { isPackaged: false },
      log,
      loadAutoUpdater: () => {
        loaded = true;
        return Promise.resolve(new FakeAutoUpdater());
      },
    });
    expect(loaded).toBe(false);
    expect(lines.join('\n')).toContain('updates are off (not-packaged)');
  });

  it('never loads it from a development build, even when packaged', async () => {
    let loaded = false;
    const { log, lines } = recorder();
    await startUpdates({
      app: { isPackaged: true },
      log,
      resourcesPath: '/nonexistent/resources',
      loadAutoUpdater: () => {
        loaded = true;
        return Promise.resolve(new FakeAutoUpdater());
      },
    });
    expect(loaded).toBe(false);
    expect(lines.join('\n')).toContain('updates are off (development)');
  });
});
