// The real main.ts against the Electron mock: files and hakobu:// URLs the OS sends — on the
// command line, before 'ready' (macOS open-file), from a second instance, or as macOS open-url —
// reach core's offers and the deep-link dispatcher, and the window comes forward.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FilesOffer } from '../../../src-main/contract/views';
import type * as AppModule from '../../../src-main/core/api/app';
import type { HakobuApp, HakobuAppOptions } from '../../../src-main/core/api/app';
import { createLogger } from '../../../src-main/core/log/logger';
import { createElectronModule, MockWebContents } from '../../mocks/electron';

const hoisted = vi.hoisted(() => ({
  apps: [] as unknown[],
  windows: [] as unknown[],
  options: [] as unknown[],
  redirects: [] as string[],
}));

const root = mkdtempSync(join(tmpdir(), 'hakobu-open-with-'));
const file = (name: string) => {
  const path = join(root, name);
  writeFileSync(path, name);
  return path;
};
const fromArgv = file('from-argv.txt');
const beforeReady = file('before-ready.txt');
const fromSecond = file('from-second-instance.txt');

let ready: () => void = () => {};
const registeredSchemes: string[] = [];
const electron = createElectronModule();
// A development run (`electron <app> …`): unpackaged, so no managed config or keychain of this
// machine is read, and the scheme is not registered (tests/unit/electron/os-open.test.ts covers that).
Object.assign(electron.app, {
  getPath: (name: string) => join(root, name),
  whenReady: () => new Promise<void>((resolve) => (ready = resolve)),
  setAsDefaultProtocolClient: (scheme: string) => registeredSchemes.push(scheme),
});
Object.assign(electron.BrowserWindow, { getAllWindows: () => hoisted.windows });
vi.mock('electron', () => ({ ...electron, default: electron }));

vi.mock('../../../src-main/electron/main-window-controller', () => ({
  openMainWindow: () => {
    const win = {
      webContents: new MockWebContents(),
      focused: 0,
      setProgressBar: () => {},
      isMinimized: () => false,
      focus: () => void (win.focused += 1),
    };
    hoisted.windows.push(win);
    return win;
  },
}));
vi.mock('../../../src-main/electron/logging', () => ({
  createAppLogger: () => createLogger(() => {}),
}));
vi.mock('../../../src-main/core/api/app', async (importOriginal) => {
  const real = await importOriginal<typeof AppModule>();
  return {
    ...real,
    createHakobuApp: (options: HakobuAppOptions) => {
      const app = real.createHakobuApp(options);
      hoisted.apps.push(app);
      hoisted.options.push(options);
      const accept = app.acceptSignInRedirect.bind(app);
      app.acceptSignInRedirect = (url) => {
        hoisted.redirects.push(url);
        return accept(url);
      };
      return app;
    },
  };
});

type MockWindow = { webContents: MockWebContents; focused: number };
const window = () => hoisted.windows[0] as MockWindow;
const core = () => hoisted.apps[0] as HakobuApp;
const offeredNames = (offer: FilesOffer) => offer.files.map((f) => f.name).sort();
const argv = process.argv;
const launchedBy = process as { defaultApp?: boolean };
const urls: string[] = [];

beforeAll(async () => {
  // `electron --enable-logging . <file> hakobu://…`, as a desktop entry's %U or Send To would add them.
  process.argv = ['electron', '--enable-logging', '.', fromArgv, 'hakobu://callback?code=1'];
  launchedBy.defaultApp = true;
  await import('../../../src-main/electron/main');
  process.argv = argv;
  delete launchedBy.defaultApp;
  const { subscribeDeepLinks } = await import('../../../src-main/electron/deep-links');
  subscribeDeepLinks((url) => urls.push(url.href));
  // macOS sends open-file before 'ready' when Hakobu is launched by opening a file.
  let prevented = false;
  electron.app.emit('open-file', { preventDefault: () => (prevented = true) }, beforeReady);
  expect(prevented).toBe(true);
  ready();
  await vi.waitFor(() => expect(hoisted.apps).toHaveLength(1));
});
afterAll(() => {
  process.argv = argv;
  delete launchedBy.defaultApp;
  rmSync(root, { recursive: true, force: true });
});

describe('files and links the OS hands to Hakobu', () => {
  it('leaves the hakobu:// scheme alone in a development run (it would name bare Electron)', () => {
    expect(registeredSchemes).toEqual([]);
  });

  it('offers the command line’s file and the one opened before ready, and tells the window', async () => {
    await vi.waitFor(() =>
      expect(offeredNames(core().offers.pending())).toEqual(['before-ready.txt', 'from-argv.txt']),
    );
    const sent = window().webContents.sent.filter((m) => m.channel === 'files.offered');
    expect(offeredNames(sent.at(-1)?.payload as FilesOffer)).toEqual([
      'before-ready.txt',
      'from-argv.txt',
    ]);
    expect(JSON.stringify(sent)).not.toContain(root);
  });

  it('takes a second instance’s files, relative to its working folder, and focuses the window', async () => {
    const focused = window().focused;
    electron.app.emit(
      'second-instance',
      {},
      ['electron', '.', '--original-process-start-time=1', 'from-second-instance.txt'],
      root,
    );
    await vi.waitFor(() =>
      expect(offeredNames(core().offers.pending())).toContain('from-second-instance.txt'),
    );
    expect(
      core().files.resolve(
        core()
          .offers.pending()
          .files.map((f) => f.handle),
      ),
    ).toContain(fromSecond);
    expect(window().focused).toBe(focused + 1);
  });

  it('delivers hakobu:// URLs from the command line and macOS open-url, and nothing else', () => {
    let prevented = false;
    electron.app.emit(
      'open-url',
      { preventDefault: () => (prevented = true) },
      'hakobu://callback?code=2&state=s',
    );
    electron.app.emit('open-url', { preventDefault: () => {} }, 'https://evil.example/');
    expect(prevented).toBe(true);
    expect(urls).toEqual(['hakobu://callback?code=1', 'hakobu://callback?code=2&state=s']);
  });

  it('hands hakobu://callback links to browser sign-in, but names no deep link in a development run', () => {
    expect(hoisted.redirects).toContain('hakobu://callback?code=2&state=s');
    // Unpackaged, the scheme would open bare Electron, so sign-in must not send Cognito there.
    expect((hoisted.options[0] as HakobuAppOptions).signInRedirectUri).toBeUndefined();
  });
});
