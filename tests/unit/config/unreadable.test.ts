import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigLoadResult } from '../../../src-main/core/config';
import { configSandbox, LOCAL_AWS_CONFIG } from './helpers';

const run = promisify(execFile);
const child = fileURLToPath(new URL('./fixtures/load-config.ts', import.meta.url));
// Root reads any file, so when the tests run as root the loader runs as "nobody" instead.
const asRoot = process.getuid?.() === 0;
const asOrdinaryUser = asRoot ? { uid: 65534, gid: 65534 } : {};

// "nobody" may be unable to enter the checkout (a clone in /root or in a `mktemp -d` folder), so
// the loader runs as one self-contained file in a folder anyone may read.
let bundleDir: string;
let bundle: string;
beforeAll(async () => {
  bundleDir = mkdtempSync(join(tmpdir(), 'hakobu-loader-'));
  chmodSync(bundleDir, 0o755);
  bundle = join(bundleDir, 'load-config.mjs');
  await build({
    entryPoints: [child],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'error',
  });
  chmodSync(bundle, 0o644);
});
afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

async function loadAsUser(user: string, managed: string): Promise<ConfigLoadResult> {
  const { stdout } = await run(process.execPath, [bundle, user, managed], {
    ...asOrdinaryUser,
    cwd: bundleDir,
    timeout: 60_000,
  });
  return JSON.parse(stdout) as ConfigLoadResult;
}

describe('a configuration file the user cannot read', () => {
  it('is reported with the file and how to make it readable, for the user file', async () => {
    const box = configSandbox();
    chmodSync(box.dir, 0o755);
    box.write(box.user, LOCAL_AWS_CONFIG);
    chmodSync(box.user, 0o000);
    const result = await loadAsUser(box.user, box.managed);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      code: 'CONFIG_FILE_UNREADABLE',
      file: box.user,
      message: 'cannot be read: permission denied.',
      params: { reason: 'EACCES' },
    });
    expect(result.errors[0]?.fix).toContain(`chmod 600 "${box.user}"`);
  });

  it('sends the user to IT when the managed file is unreadable', async () => {
    const box = configSandbox();
    chmodSync(box.dir, 0o755);
    box.write(box.user, LOCAL_AWS_CONFIG);
    box.write(box.managed, { transfers: { concurrency: 1 } });
    // As IT deploys it: root's file, 0600. A user running the tests owns it, so it gets no mode.
    chmodSync(box.managed, asRoot ? 0o600 : 0o000);
    const result = await loadAsUser(box.user, box.managed);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.file).toBe(box.managed);
    expect(result.errors[0]?.fix).toContain('IT administrator');
  });
});
