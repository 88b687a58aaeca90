import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createElectronModule, MockWebContents } from '../../mocks/electron';
import { batchWatcher, taskbarProgress } from '../../../src-main/electron/taskbar';
import { quitDuringUploadsDialog, userChoseQuit } from '../../../src-main/electron/quit-guard';

const electron = createElectronModule();
vi.mock('electron', () => ({ ...electron, default: electron }));

describe('main process start-up', () => {
  beforeAll(async () => {
    await import('../../../src-main/electron/main');
  });

  it('registers both schemes as privileged and secure before ready, and sandboxes every renderer', () => {
    expect(electron.calls.privilegedSchemesBeforeReady).toEqual([
      {
        scheme: 'hakobu-app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
      },
      { scheme: 'hakobu-media', privileges: { standard: true, secure: true, stream: true } },
    ]);
    expect(electron.calls.enableSandbox).toBe(1);
  });

  it('guards every webContents that is ever created', () => {
    const contents = new MockWebContents();
    electron.app.emit('web-contents-created', {}, contents);
    expect(contents.emitCancellable('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({
      action: 'deny',
    });
  });
});

describe('taskbar progress and batch notifications', () => {
  const snapshot = (active: number, sentBytes: number, completed: number, failed = 0) => ({
    items: [],
    total: { size: 1000, sentBytes, active, completed, failed },
  });

  it('shows a fraction while uploading and hides when idle', () => {
    expect(taskbarProgress(snapshot(2, 250, 0))).toBe(0.25);
    expect(taskbarProgress(snapshot(0, 1000, 3))).toBe(-1);
  });

  it('reports a finished batch once, counting only that batch', () => {
    const watch = batchWatcher();
    expect(watch(snapshot(0, 0, 5))).toBeUndefined();
    expect(watch(snapshot(3, 10, 5))).toBeUndefined();
    expect(watch(snapshot(1, 900, 7))).toBeUndefined();
    expect(watch(snapshot(0, 1000, 7, 1))).toEqual({ completed: 2, failed: 1 });
    expect(watch(snapshot(0, 1000, 7, 1))).toBeUndefined();
  });
});

describe('quit during uploads', () => {
  it('asks in Japanese and defaults to keeping the uploads running', () => {
    const dialog = quitDuringUploadsDialog('ja', 3);
    expect(dialog.message).toBe('アップロード中のファイルがあります。');
    expect(dialog.buttons?.[dialog.defaultId ?? -1]).toBe('アップロードを続ける');
    expect(userChoseQuit(dialog.cancelId ?? -1)).toBe(false);
    expect(userChoseQuit(1)).toBe(true);
  });
});
