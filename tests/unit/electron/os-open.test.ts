import { EventEmitter } from 'node:events';
import type { App } from 'electron';
import { describe, expect, it } from 'vitest';
import { wireOsOpen } from '../../../src-main/electron/open-with/os-open';

function fakeApp(isPackaged: boolean) {
  const registered: unknown[][] = [];
  const app = Object.assign(new EventEmitter(), {
    isPackaged,
    setAsDefaultProtocolClient: (...args: unknown[]) => registered.push(args) > 0,
  });
  return { app: app as unknown as App, registered };
}

const options = {
  cwd: '/home/hana',
  execPath: 'C:\\Program Files\\Hakobu\\Hakobu.exe',
  defaultApp: false,
  showWindow: () => {},
  openUrl: () => {},
};

describe('registering hakobu://', () => {
  it('on Windows, runs Hakobu with -- before the link, so a crafted link carries no switch', () => {
    const { app, registered } = fakeApp(true);
    wireOsOpen(app, { ...options, argv: ['Hakobu.exe'], platform: 'win32' });
    expect(registered).toEqual([['hakobu', options.execPath, ['--']]]);
  });

  it('never from a development run, which would register the bare Electron binary', () => {
    const { app, registered } = fakeApp(false);
    wireOsOpen(app, { ...options, argv: ['electron'], platform: 'linux' });
    expect(registered).toEqual([]);
  });
});

describe('the launch command line', () => {
  it('is read in a real Electron launch, and ignored when main runs under a plain Node', () => {
    const offered: string[][] = [];
    const launch = (defaultApp: boolean) => {
      const { app } = fakeApp(false);
      const argv = ['/usr/bin/node', '/repo/node_modules/vitest/vitest.mjs', 'notes.txt'];
      const inbox = wireOsOpen(app, { ...options, argv, defaultApp, platform: 'linux' });
      inbox.attach((paths) => offered.push(paths));
    };
    launch(false);
    expect(offered).toEqual([]);
    launch(true);
    expect(offered).toEqual([['/home/hana/notes.txt']]);
  });
});

describe('what other processes hand over', () => {
  it('offers a second instance’s files and brings the window forward, ignoring a malformed hand-over', () => {
    const { app } = fakeApp(true);
    let shown = 0;
    const offered: { paths: string[]; skipped: number }[] = [];
    const inbox = wireOsOpen(app, {
      ...options,
      argv: ['/opt/Hakobu/hakobu'],
      platform: 'linux',
      showWindow: () => (shown += 1),
    });
    inbox.attach((paths, skipped) => offered.push({ paths, skipped }));
    app.emit('second-instance', {}, ['/opt/Hakobu/hakobu', 'a.txt'], '/tmp');
    app.emit('second-instance', {}, [42, { toString: 'x' }], '/tmp');
    app.emit('open-file', { preventDefault: () => {} }, { not: 'a path' });
    expect(offered).toEqual([
      { paths: ['/tmp/a.txt'], skipped: 0 },
      { paths: [], skipped: 1 },
    ]);
    expect(shown).toBe(3);
  });
});
