// How the page gets files in Electron: it hands the preload File objects (or asks main for its
// dialog) and gets opaque handles back, never a path, and it cannot register a path itself. The
// real preload runs against main's real IPC wiring and core; only Electron itself is mocked.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMain, WebContents } from 'electron';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HakobuBridge } from '../../../src-main/contract/api';
import { createHakobuApp, type HakobuApp } from '../../../src-main/core/api/app';
import { silentLogger } from '../../../src-main/core/log/logger';
import { MemorySecretStore } from '../../../src-main/core/secrets';
import { wireContract } from '../../../src-main/electron/ipc/wire-contract';
import { MockIpcMain, MockWebContents } from '../../mocks/electron';

const world = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  // Electron knows the path of a File only when the user dropped or picked it.
  realPaths: new WeakMap<object, string>(),
  invoke: (..._args: unknown[]): Promise<unknown> => Promise.reject(new Error('not wired')),
  invoked: [] as string[],
}));
vi.mock('electron', () => {
  const electron = {
    contextBridge: {
      exposeInMainWorld: (name: string, api: unknown) => void world.exposed.set(name, api),
    },
    ipcRenderer: {
      invoke: (channel: string, ...args: unknown[]) => {
        world.invoked.push(channel);
        return world.invoke(channel, ...args);
      },
      on: () => {},
      removeListener: () => {},
    },
    webUtils: { getPathForFile: (file: object) => world.realPaths.get(file) ?? '' },
  };
  return { ...electron, default: electron };
});

const userData = mkdtempSync(join(tmpdir(), 'hakobu-preload-files-'));
const home = join(userData, 'home');
let dialogAnswer: string[] = [];
let app: HakobuApp;
let bridge: HakobuBridge;

/** A File as the user dropped it: Electron can tell its path. */
function dropped(path: string): File {
  const file = new File(['bytes'], path.split(/[\\/]/).pop() ?? 'file');
  world.realPaths.set(file, path);
  return file;
}

beforeAll(async () => {
  app = createHakobuApp({
    shell: 'electron',
    version: '0.0.0-test',
    locale: 'ja-JP',
    dirs: { userData, cache: join(userData, 'cache'), downloads: join(userData, 'downloads') },
    env: {},
    secrets: new MemorySecretStore(),
    log: silentLogger,
    showFileDialog: async () => dialogAnswer,
  });
  const ipcMain = new MockIpcMain();
  const ours = new MockWebContents();
  wireContract(
    ipcMain as unknown as IpcMain,
    { contract: app.handlers, bridge: app.bridgeHandlers },
    () => ours as unknown as WebContents,
    silentLogger,
  );
  world.invoke = (channel, ...args) =>
    ipcMain.invoke(channel as string, ours, ours.mainFrame, ...args);
  await import('../../../src-main/preload/index');
  bridge = world.exposed.get('hakobu') as HakobuBridge;
});
afterEach(() => {
  world.invoked.length = 0;
});
afterAll(async () => {
  await app.dispose();
  rmSync(userData, { recursive: true, force: true });
});

describe('dropped files in the preload', () => {
  it('turns dropped Files into handles that main resolves to their paths', async () => {
    const trip = join(home, 'trip');
    const notes = join(home, 'notes.txt');
    const result = await bridge.fileHandles([dropped(trip), dropped(notes)]);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toHaveLength(2);
    expect(JSON.stringify(result.value)).not.toContain(home);
    expect(app.files.resolve(result.value)).toEqual([trip, notes]);
  });

  it('drops Files the page made itself (no path), and asks main nothing when none is left', async () => {
    const made = new File(['PRIVATE KEY'], 'id_rsa');
    const photo = join(home, 'photo.jpg');
    const mixed = await bridge.fileHandles([made, dropped(photo)]);
    if (!mixed.ok) throw new Error(mixed.error.message);
    expect(app.files.resolve(mixed.value)).toEqual([photo]);

    world.invoked.length = 0;
    expect(await bridge.fileHandles([made, new File([''], '/etc/hostname')])).toEqual({
      ok: true,
      value: [],
    });
    expect(world.invoked).toEqual([]);
  });

  it("passes main's refusal of a non-local path back to the page", async () => {
    const result = await bridge.fileHandles([dropped('relative/id_rsa')]);
    expect(result).toMatchObject({ ok: false, error: { code: 'upload.notLocal' } });
  });

  it('gives the page no way to register a path of its own choosing', async () => {
    const secret = join(home, '.ssh', 'id_rsa');
    const invoke = bridge.invoke as (channel: string, ...args: unknown[]) => Promise<unknown>;
    const result = await invoke('files.register', { paths: [secret] });
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.unknownChannel' } });
    expect(world.invoked).toEqual([]);
    // Nor does a path passed where a handle belongs reach the disk.
    const enqueue = await invoke('transfers.enqueue', { handles: [secret] });
    expect(enqueue).toMatchObject({ ok: false, error: { code: 'ipc.invalidArguments' } });
  });
});

describe("files.choose: main's own dialog", () => {
  it('answers with handles and names, never the paths the dialog returned', async () => {
    const chosen = [join(home, '写真', 'a.jpg'), join(home, '写真', 'b.jpg')];
    dialogAnswer = chosen;
    const result = await bridge.invoke('files.choose', { kind: 'files' });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.map((file) => file.name)).toEqual(['a.jpg', 'b.jpg']);
    expect(JSON.stringify(result.value)).not.toContain(home);
    for (const file of result.value) expect(Object.keys(file).sort()).toEqual(['handle', 'name']);
    expect(app.files.resolve(result.value.map((file) => file.handle))).toEqual(chosen);
  });

  it('answers nothing when the user cancels the dialog', async () => {
    dialogAnswer = [];
    expect(await bridge.invoke('files.choose', { kind: 'folder' })).toEqual({
      ok: true,
      value: [],
    });
  });
});
