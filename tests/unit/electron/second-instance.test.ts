import { describe, expect, it, vi } from 'vitest';
import { createElectronModule } from '../../mocks/electron';

const electron = createElectronModule();
let readyAwaited = 0;
Object.assign(electron.app, {
  // Another Hakobu already holds the lock.
  requestSingleInstanceLock: () => false,
  whenReady: () => {
    readyAwaited += 1;
    return Promise.resolve();
  },
});
vi.mock('electron', () => ({ ...electron, default: electron }));

describe('a second instance', () => {
  it('exits at once and never waits for ready, so it starts no services or window', async () => {
    await import('../../../src-main/electron/main');
    expect(electron.calls.exit).toEqual([0]);
    expect(readyAwaited).toBe(0);
    expect(electron.ipcMain.handlers.size).toBe(0);
  });
});
