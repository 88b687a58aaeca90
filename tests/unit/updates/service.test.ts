import { describe, expect, it } from 'vitest';
import { readManagedUpdates } from '../../../src-main/core/config';
import { createLogger, type LogLevel } from '../../../src-main/core/log/logger';
import {
  CHECK_INTERVAL_MS,
  decideUpdates,
  startUpdateService,
  type UpdateRuntime,
} from '../../../src-main/core/updates';
import { configSandbox } from '../config/helpers';
import { FakeUpdater } from './fake-updater';

// The service drives the updater as the policy decided: from IT's file to the calls electron-updater
// would receive, with a fake updater and a clock the test turns by hand.

const INSTALLED: UpdateRuntime = {
  shell: 'electron',
  isPackaged: true,
  releaseBuild: true,
  installKind: 'nsis',
  hasBuiltInFeed: true,
};

function recorder() {
  const lines: { level: LogLevel; text: string }[] = [];
  const log = createLogger((level, message) => lines.push({ level, text: message }));
  return { log, lines, text: () => lines.map((l) => l.text).join('\n') };
}

/** A clock the test advances: each tick runs the task the service scheduled. */
function manualClock() {
  const scheduled: { ms: number; task: () => void; stopped: boolean }[] = [];
  return {
    scheduled,
    every: (ms: number, task: () => void) => {
      const entry = { ms, task, stopped: false };
      scheduled.push(entry);
      return () => (entry.stopped = true);
    },
    tick: () => scheduled.filter((s) => !s.stopped).forEach((s) => s.task()),
  };
}

/** The decision for a managed file with these contents (none: no managed file at all). */
function decisionFor(managedFile: unknown, runtime = INSTALLED) {
  const box = configSandbox();
  if (managedFile !== undefined) box.write(box.managed, managedFile);
  const managed = readManagedUpdates({ env: { HAKOBU_MANAGED_CONFIG: box.managed } });
  return decideUpdates(managed, runtime);
}

describe('update service', () => {
  it("configures IT's feed and channel, never allowing a downgrade, and checks at once", async () => {
    const updater = new FakeUpdater();
    const { log, text } = recorder();
    const feed = 'https://updates.corp.example/hakobu/';
    await startUpdateService({
      decision: decisionFor({ updates: { url: feed, channel: 'beta' } }),
      updater: () => updater,
      log,
      every: manualClock().every,
    });
    expect(updater.settings).toEqual({
      feed: { provider: 'generic', url: feed },
      channel: 'beta',
      allowDowngrade: false,
      autoDownload: true,
      autoInstallOnAppQuit: true,
    });
    expect(updater.checks).toBe(1);
    expect(text()).toContain(`checking ${feed} on the "beta" channel (set by IT)`);
  });

  it('never creates the updater when IT turned updates off', async () => {
    let created = false;
    const { log, text } = recorder();
    const service = await startUpdateService({
      decision: decisionFor({ updates: { enabled: false } }),
      updater: () => {
        created = true;
        return new FakeUpdater();
      },
      log,
    });
    await service.checkNow();
    expect(created).toBe(false);
    expect(text()).toContain('updates are off (disabled-by-it)');
  });

  it('keeps updates off when the managed file is not valid JSON', async () => {
    const decision = decisionFor('{"updates": {"enabled": false');
    expect(decision).toMatchObject({ action: 'off', reason: 'managed-config-invalid' });
  });

  it("follows IT's update settings even when another key of the managed file is wrong", () => {
    const decision = decisionFor({ region: 'tokyo', updates: { enabled: false } });
    expect(decision).toMatchObject({ action: 'off', reason: 'disabled-by-it' });
  });

  it('uses the installer feed when there is no managed file', () => {
    expect(decisionFor(undefined)).toMatchObject({
      action: 'check',
      feed: { provider: 'built-in' },
      setBy: 'default',
    });
  });

  it('checks again on schedule, one check at a time, and stops when asked', async () => {
    const updater = new FakeUpdater();
    updater.holdChecks = true;
    const clock = manualClock();
    const service = await startUpdateService({
      decision: decisionFor(undefined),
      updater: () => updater,
      log: recorder().log,
      every: clock.every,
    });
    expect(clock.scheduled.map((s) => s.ms)).toEqual([CHECK_INTERVAL_MS]);
    clock.tick();
    expect(updater.checks).toBe(1);
    updater.holdChecks = false;
    updater.release();
    await service.checkNow(); // the one in flight
    await service.checkNow();
    expect(updater.checks).toBe(2);
    service.stop();
    clock.tick();
    expect(updater.checks).toBe(2);
  });

  it('logs a failed check without throwing, and with no token in the line', async () => {
    const updater = new FakeUpdater();
    const { log, lines } = recorder();
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJlc2lnbmF0dXJl';
    updater.nextCheck = new Error(
      `HTTP 403 for https://updates.example/latest.yml Authorization: Bearer ${jwt}`,
    );
    const service = await startUpdateService({
      decision: decisionFor(undefined),
      updater: () => updater,
      log,
      every: manualClock().every,
    });
    await expect(service.checkNow()).resolves.toBeUndefined();
    updater.emit('update-downloaded', { version: '1.2.3' });
    const warning = lines.find((l) => l.level === 'warn');
    expect(warning?.text).toContain('update check failed: HTTP 403');
    expect(warning?.text).not.toContain(jwt);
    expect(lines.at(-1)?.text).toContain('1.2.3 is ready and installs when Hakobu quits');
  });
});
