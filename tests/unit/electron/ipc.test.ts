import { describe, expect, it, vi } from 'vitest';
import type { IpcMain, WebContents } from 'electron';
import type { BridgeHandlers, ContractHandlers } from '../../../src-main/core/api/dispatch';
import { ChosenFiles } from '../../../src-main/core/files';
import { createLogger } from '../../../src-main/core/log/logger';
import { wireContract } from '../../../src-main/electron/ipc/wire-contract';
import { MockIpcMain, MockWebContents, MockWebFrameMain } from '../../mocks/electron';

function setup() {
  const ipcMain = new MockIpcMain();
  const ours = new MockWebContents();
  const signIn = vi.fn(async () => ({ status: 'signedOut', keychain: 'available' }) as const);
  const warnings: string[] = [];
  const log = createLogger((level, message) => level === 'warn' && warnings.push(message));
  const files = new ChosenFiles({ platform: 'linux' });
  const contract = { 'session.signIn': signIn } as unknown as ContractHandlers;
  const bridge: BridgeHandlers = { 'files.register': async ({ paths }) => files.register(paths) };
  wireContract(
    ipcMain as unknown as IpcMain,
    { contract, bridge },
    () => ours as unknown as WebContents,
    log,
  );
  return { ipcMain, ours, signIn, warnings, files };
}

const credentials = { username: 'demo@hakobu.example', password: 'pw' };

describe('IPC wiring', () => {
  it('answers our own main frame', async () => {
    const { ipcMain, ours, signIn } = setup();
    const result = await ipcMain.invoke('session.signIn', ours, ours.mainFrame, credentials);
    expect(result).toMatchObject({ ok: true });
    expect(signIn).toHaveBeenCalledWith(credentials);
  });

  it('refuses another window', async () => {
    const { ipcMain, signIn, warnings } = setup();
    const other = new MockWebContents();
    const result = await ipcMain.invoke('session.signIn', other, other.mainFrame, credentials);
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.forbidden' } });
    expect(signIn).not.toHaveBeenCalled();
    expect(warnings[0]).toContain('untrusted');
  });

  it('refuses a subframe of our window and a frame showing a foreign origin', async () => {
    const { ipcMain, ours, signIn } = setup();
    const iframe = new MockWebFrameMain('hakobu-app://app/index.html');
    expect(await ipcMain.invoke('session.signIn', ours, iframe, credentials)).toMatchObject({
      ok: false,
    });
    ours.mainFrame.url = 'https://evil.example/';
    expect(await ipcMain.invoke('session.signIn', ours, ours.mainFrame, credentials)).toMatchObject(
      {
        ok: false,
      },
    );
    expect(signIn).not.toHaveBeenCalled();
  });

  it('refuses a message whose frame is gone (senderFrame null)', async () => {
    const { ipcMain, ours } = setup();
    expect(await ipcMain.invoke('session.signIn', ours, null, credentials)).toMatchObject({
      ok: false,
      error: { code: 'ipc.forbidden' },
    });
  });

  it('refuses invalid arguments from our own window', async () => {
    const { ipcMain, ours, signIn } = setup();
    const result = await ipcMain.invoke('session.signIn', ours, ours.mainFrame, { username: 42 });
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.invalidArguments' } });
    expect(signIn).not.toHaveBeenCalled();
  });

  it('registers a handler for every channel of the contract and removes them on dispose', async () => {
    const ipcMain = new MockIpcMain();
    const dispose = wireContract(
      ipcMain as unknown as IpcMain,
      { contract: {} as ContractHandlers, bridge: {} as BridgeHandlers },
      () => undefined,
      createLogger(() => {}),
    );
    const { bridgeChannels, invokeChannels } = await import('../../../src-main/contract/channels');
    expect([...ipcMain.handlers.keys()].sort()).toEqual(
      [...Object.keys(invokeChannels), ...Object.keys(bridgeChannels)].sort(),
    );
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('gives the preload opaque handles for the paths of dropped files, and main resolves them', async () => {
    const { ipcMain, ours, files } = setup();
    const result = (await ipcMain.invoke('files.register', ours, ours.mainFrame, {
      paths: ['/home/hana/trip', '/home/hana/notes.txt'],
    })) as { ok: true; value: { handle: string; name: string }[] };
    expect(result.ok).toBe(true);
    expect(result.value.map((chosen) => chosen.name)).toEqual(['trip', 'notes.txt']);
    expect(JSON.stringify(result.value)).not.toContain('/home/hana');
    expect(files.resolve(result.value.map((chosen) => chosen.handle))).toEqual([
      '/home/hana/trip',
      '/home/hana/notes.txt',
    ]);
  });

  it('refuses to register paths for another window', async () => {
    const { ipcMain, files } = setup();
    const other = new MockWebContents();
    const result = await ipcMain.invoke('files.register', other, other.mainFrame, {
      paths: ['/home/hana/.ssh/id_rsa'],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.forbidden' } });
    expect(() => files.resolve(['fh_AAAAAAAAAAAAAAAAAAAAAA'])).toThrow();
  });
});
