import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LogMessage } from 'electron-log';
import electronLog from 'electron-log/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../../src-main/core/log/logger';
import { createElectronModule } from '../../mocks/electron';
import { SECRET_TEXTS, SECRETS, secretValues } from '../log/secret-shapes';

const root = mkdtempSync(join(tmpdir(), 'hakobu-app-logs-'));
const electron = createElectronModule();
electron.app.getPath = (name: string) => join(root, name);
const ipcListeners: string[] = [];
Object.assign(electron.ipcMain, { on: (channel: string) => void ipcListeners.push(channel) });
vi.mock('electron', () => ({ ...electron, default: electron }));

// electron-log is loaded by Node itself, past Vitest's mocks: hand its require the same mock.
const nodeRequire = createRequire(import.meta.url);
const electronPath = nodeRequire.resolve('electron');
nodeRequire.cache[electronPath] = { exports: electron } as NodeJS.Module;

const logFolder = join(root, 'logs');
// As electron-log's own transports show an error: by its stack, which starts with its message.
const showErrors = (_key: string, value: unknown) => (value instanceof Error ? value.stack : value);
const captured: string[] = [];
let log: Logger;

beforeAll(async () => {
  const { createAppLogger } = await import('../../../src-main/electron/logging');
  log = createAppLogger();
  electronLog.transports.console.level = false;
  electronLog.transports.capture = Object.assign(
    (message: LogMessage) => void captured.push(JSON.stringify(message.data, showErrors)),
    { level: 'silly' as const, transforms: [] },
  );
});

afterAll(() => {
  electronLog.errorHandler.stopCatching();
  delete nodeRequire.cache[electronPath];
  rmSync(root, { recursive: true, force: true });
});

describe('the app log', () => {
  it('takes no log lines or error-handler commands from any renderer', () => {
    expect(ipcListeners).not.toContain('__ELECTRON_LOG__');
    expect(electron.ipcMain.handlers.has('__ELECTRON_LOG__')).toBe(false);
  });

  it("lets no secret through, whether from the app, electron-log's error handler or electron-log itself", () => {
    for (const text of SECRET_TEXTS) log.warn(text, text);
    log.error('request failed', ...secretValues());
    // What electron-log does with an uncaught exception or an unhandled rejection.
    electronLog.errorHandler.handle(new Error(`uncaught: ${SECRET_TEXTS.join('\n')}`));
    electronLog.warn(...SECRET_TEXTS, ...secretValues());

    expect(captured).toHaveLength(SECRET_TEXTS.length + 3);
    expect(SECRETS.filter((secret) => captured.some((line) => line.includes(secret)))).toEqual([]);
    const file = readFileSync(join(logFolder, 'main.log'), 'utf8');
    expect(file).toContain('Error: uncaught: ID token [redacted]');
    expect(SECRETS.filter((secret) => file.includes(secret))).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')('is readable by the user alone', () => {
    log.warn('one more line');
    expect(statSync(join(logFolder, 'main.log')).mode & 0o777).toBe(0o600);
    expect(statSync(logFolder).mode & 0o777).toBe(0o700);
  });
});
