// The harness's staging folder holds copies of the files a user dropped. However the harness
// process is stopped (Ctrl+C, a test runner's SIGTERM, a closed terminal's SIGHUP), the folder
// must go with it. Each test runs the real harness entry (`npm run dev:web`) as a child process.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const ENTRY = join(ROOT, 'src-main/web-harness/main.ts');
const TSX = import.meta.resolve('tsx');
const temps: string[] = [];
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** Starts a harness whose temp folder is a fresh one of the test's, and waits until it is ready. */
async function startHarness() {
  const temp = mkdtempSync(join(tmpdir(), 'hakobu-harness-exit-'));
  temps.push(temp);
  const child = spawn(process.execPath, ['--import', TSX, ENTRY, '--port', '0'], {
    cwd: ROOT,
    env: {
      ...process.env,
      // os.tmpdir() follows these, so the staging folder is made where the test can find it.
      TMPDIR: temp,
      TMP: temp,
      TEMP: temp,
      // A config file that does not exist: the harness starts signed out and no local-aws.
      HAKOBU_CONFIG: join(temp, 'no-config.json'),
      HAKOBU_USER_DATA: join(temp, 'user-data'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  let output = '';
  await new Promise<void>((ready, fail) => {
    child.stdout?.setEncoding('utf8').on('data', (text: string) => {
      output += text;
      if (output.includes('hakobu web ready')) ready();
    });
    child.stderr?.setEncoding('utf8').on('data', (text: string) => (output += text));
    void exited.then((code) =>
      fail(new Error(`harness exited (${code}) before ready:\n${output}`)),
    );
  });
  const staging = readdirSync(temp).filter((name) => name.startsWith('hakobu-staging-'));
  expect(staging).toHaveLength(1);
  const stagingDir = join(temp, staging[0] ?? '');
  return { child, exited, stagingDir };
}

describe.skipIf(process.platform === 'win32')('the harness stopped by a signal', () => {
  it.concurrent.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)(
    'removes its staging folder, with what was dropped into it, on %s',
    async (signal) => {
      const { child, exited, stagingDir } = await startHarness();
      // What a drop leaves: a batch folder with a copy of the user's file.
      mkdirSync(join(stagingDir, 'batch-0001'));
      writeFileSync(join(stagingDir, 'batch-0001', 'passport.jpg'), 'a copy of a private file');

      child.kill(signal);
      const code = await exited;
      expect(code).toBe(0);
      expect(existsSync(stagingDir)).toBe(false);
    },
    60_000,
  );
});
