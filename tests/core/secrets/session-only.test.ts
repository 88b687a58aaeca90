import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import {
  MemorySecretStore,
  SESSION_ONLY_MESSAGE,
  SignInVault,
  type SecretStoreStatus,
  type SecretWriteResult,
} from '../../../src-main/core/secrets';

const run = promisify(execFile);
const probe = fileURLToPath(new URL('./fixtures/keychain-status.ts', import.meta.url));

interface ProbeReport {
  status: SecretStoreStatus;
  set: SecretWriteResult;
  get: string | null;
}

const temporary: string[] = [];
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hakobu-keychain-'));
  temporary.push(dir);
  return dir;
}

/** Runs the keychain probe in a child process with a different D-Bus environment. */
async function probeWith(env: NodeJS.ProcessEnv, args: string[] = [], wrapper: string[] = []) {
  const { DISPLAY: _display, GNOME_KEYRING_CONTROL: _control, ...inherited } = process.env;
  const command = [...wrapper, process.execPath, '--import', 'tsx', probe, ...args];
  // The guard only keeps a broken build from hanging the suite; the store's own timeout must win.
  const { stdout } = await run(command[0] ?? '', command.slice(1), {
    env: { ...inherited, ...env },
    timeout: 60_000,
  });
  const line = stdout.split('\n').find((l) => l.startsWith('REPORT '));
  if (!line) throw new Error(`the probe printed no report:\n${stdout}`);
  return JSON.parse(line.slice('REPORT '.length)) as ProbeReport;
}

function expectSessionOnly(report: ProbeReport, code: string) {
  expect(report.status).toMatchObject({
    mode: 'session-only',
    code,
    message: SESSION_ONLY_MESSAGE,
  });
  expect(report.set).toMatchObject({ ok: false, code: 'KEYCHAIN_UNAVAILABLE' });
  expect(report.get).toBeNull();
}

describe('session-only mode when no keychain is reachable', () => {
  it('says so plainly when there is no D-Bus session to find a Secret Service on', async () => {
    const report = await probeWith({
      DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(tempDir(), 'no-bus')}`,
    });
    expectSessionOnly(report, 'KEYCHAIN_NOT_REACHABLE');
    if (report.status.mode === 'session-only') {
      expect(report.status.detail).toContain('Could not connect');
      expect(report.status.fix).toContain('Secret Service');
    }
  });

  it('says so when a Secret Service starts but has no keyring it can write to', async () => {
    // A bare D-Bus session, as on a headless server: gnome-keyring is activated on demand but has
    // no login collection and cannot prompt for one. Reads succeed there; only writes fail.
    const report = await probeWith({ XDG_DATA_HOME: tempDir() }, [], ['dbus-run-session', '--']);
    expectSessionOnly(report, 'KEYCHAIN_NOT_REACHABLE');
  });

  describe('with a D-Bus socket that accepts connections and never answers', () => {
    let server: Server | undefined;
    const sockets = new Set<Socket>();
    afterEach(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    });

    it('gives up after its timeout instead of hanging, and reports it', async () => {
      const path = join(tempDir(), 'silent-bus');
      server = createServer((socket) => sockets.add(socket));
      await new Promise<void>((resolve) => server?.listen(path, resolve));
      const report = await probeWith({ DBUS_SESSION_BUS_ADDRESS: `unix:path=${path}` }, ['1000']);
      expectSessionOnly(report, 'KEYCHAIN_TIMED_OUT');
      expect(sockets.size).toBeGreaterThan(0);
    });
  });
});

const MEMORY_SCOPE = {
  userPoolId: 'ap-northeast-1_Mem',
  clientId: 'abcdefghij0123456789klmnop',
  endpoints: {},
};

describe('the in-memory store other modules test with', () => {
  it('behaves like a keychain, including the size limit', async () => {
    const memory = new MemorySecretStore();
    const vault = new SignInVault(memory);
    await vault.save(MEMORY_SCOPE, 'ivan', { refreshToken: 'token' });
    expect(await vault.restoreLast(MEMORY_SCOPE)).toEqual({
      username: 'ivan',
      signInName: 'ivan',
      signIn: { refreshToken: 'token' },
    });
    expect(await memory.set('big', 'x'.repeat(2561))).toMatchObject({ code: 'SECRET_TOO_LARGE' });
  });

  it('can play a machine without a keychain', async () => {
    const memory = new MemorySecretStore({ available: false });
    expect(await memory.status()).toMatchObject({
      mode: 'session-only',
      message: SESSION_ONLY_MESSAGE,
    });
    const saved = await new SignInVault(memory).save(MEMORY_SCOPE, 'judy', {
      refreshToken: 'token',
    });
    expect(saved).toMatchObject({ ok: false, code: 'KEYCHAIN_UNAVAILABLE' });
    expect(memory.entries.size).toBe(0);
  });
});
