import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { preparePrivateLogFolder } from '../../../src-main/core/log/private-log-folder';

const mode = (path: string) => statSync(path).mode & 0o777;
const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

// POSIX modes only: Windows keeps files private through the profile folder's ACL.
describe.skipIf(process.platform === 'win32')('the log folder', () => {
  it('is created readable by the user alone', () => {
    const root = mkdtempSync(join(tmpdir(), 'hakobu-logs-'));
    roots.push(root);
    const folder = join(root, 'Hakobu', 'logs');
    preparePrivateLogFolder(folder);
    expect(mode(folder)).toBe(0o700);
  });

  it('is made private, with its logs, when an older version left them open to everyone', () => {
    const folder = mkdtempSync(join(tmpdir(), 'hakobu-logs-'));
    roots.push(folder);
    chmodSync(folder, 0o755);
    for (const name of ['main.log', 'main.old.log']) {
      writeFileSync(join(folder, name), 'an old line\n');
      chmodSync(join(folder, name), 0o644);
    }
    preparePrivateLogFolder(folder);
    expect([
      mode(folder),
      mode(join(folder, 'main.log')),
      mode(join(folder, 'main.old.log')),
    ]).toEqual([0o700, 0o600, 0o600]);
  });
});
