// The app main builds decodes images in utilityProcess helpers. With the RunAsNode fuse off, core's
// fallback (child_process.fork of process.execPath) would start a second Hakobu, not a helper.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type * as ChildProcess from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as AppModule from '../../../src-main/core/api/app';
import type { HakobuAppOptions } from '../../../src-main/core/api/app';
import type { HelperRequest } from '../../../src-main/core/library/thumbnail-worker/protocol';
import { createLogger } from '../../../src-main/core/log/logger';
import { createElectronModule, MockWebContents } from '../../mocks/electron';

const hoisted = vi.hoisted(() => ({
  appOptions: [] as unknown[],
  forks: [] as unknown[],
}));

const appData = mkdtempSync(join(tmpdir(), 'hakobu-main-thumbnails-'));
const electron = createElectronModule();
Object.assign(electron.app, {
  getPath: (name: string) => join(appData, name),
  whenReady: () => Promise.resolve(),
});
vi.mock('electron', () => ({ ...electron, default: electron }));

// The window and the log file are beside the point here; everything else is main's real wiring.
vi.mock('../../../src-main/electron/main-window-controller', () => ({
  openMainWindow: () => ({
    webContents: new MockWebContents(),
    setProgressBar: () => {},
    isMinimized: () => false,
    focus: () => {},
  }),
}));
vi.mock('../../../src-main/electron/logging', () => ({
  createAppLogger: () => createLogger(() => {}),
}));
vi.mock('../../../src-main/core/api/app', async (importOriginal) => {
  const real = await importOriginal<typeof AppModule>();
  return {
    ...real,
    createHakobuApp: (options: HakobuAppOptions) => {
      hoisted.appOptions.push(options);
      return real.createHakobuApp(options);
    },
  };
});
vi.mock('node:child_process', async (importOriginal) => {
  const real = await importOriginal<typeof ChildProcess>();
  const fork = (...args: Parameters<typeof real.fork>) => {
    hoisted.forks.push(args[0]);
    return real.fork(...args);
  };
  return { ...real, fork, default: { ...real, fork } };
});

const MAIN_DIR = resolve(import.meta.dirname, '../../../src-main/electron');

describe('thumbnails in the app main builds', () => {
  let options: HakobuAppOptions;

  beforeAll(async () => {
    await import('../../../src-main/electron/main');
    await vi.waitFor(() => expect(hoisted.appOptions).toHaveLength(1));
    options = hoisted.appOptions[0] as HakobuAppOptions;
  });
  afterAll(() => rmSync(appData, { recursive: true, force: true }));

  it('decodes each image in a utilityProcess running the helper bundle beside main, never a fork of the app', async () => {
    const renderer = options.thumbnailRenderer;
    if (!renderer) throw new Error('main gives core no thumbnail renderer');
    const drawing = renderer.render(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), {
      size: 256,
      maxInputPixels: 1_000_000,
    });

    await vi.waitFor(() => expect(electron.utilityProcesses).toHaveLength(1));
    const [helper] = electron.utilityProcesses;
    if (!helper) throw new Error('no utilityProcess was started');
    expect(helper.modulePath).toBe(join(MAIN_DIR, 'thumbnail-helper.cjs'));
    expect(helper.options).toMatchObject({ serviceName: 'Hakobu thumbnails' });
    // The image's bytes go to the helper, and its answer is what the page gets.
    await vi.waitFor(() =>
      expect(helper.received.map((request) => (request as HelperRequest).type)).toContain('end'),
    );
    const { id } = helper.received[0] as HelperRequest;
    helper.emit('message', { type: 'done', id, data: new Uint8Array([1, 2, 3]) });
    expect([...(await drawing)]).toEqual([1, 2, 3]);
    expect(hoisted.forks).toEqual([]);
  });

  it('stops the helpers when the app quits', async () => {
    let prevented = false;
    electron.app.emit('will-quit', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    await vi.waitFor(() => expect(electron.calls.exit).toEqual([0]));
    expect(electron.utilityProcesses.every((helper) => helper.killed)).toBe(true);
  });
});
