import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scanPaths } from '../../../src-main/core/transfers/scan';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'hakobu-scan-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('scanPaths', () => {
  it('lists a folder recursively, relative to its parent, and a file by its name', async () => {
    mkdirSync(join(root, 'photos/2024'), { recursive: true });
    writeFileSync(join(root, 'photos/a.jpg'), 'a');
    writeFileSync(join(root, 'photos/2024/b.jpg'), 'bb');
    writeFileSync(join(root, 'single.txt'), '');
    const { files, problems } = await scanPaths([join(root, 'photos'), join(root, 'single.txt')]);
    expect(problems).toEqual([]);
    expect(files.map((f) => [f.relativePath, f.size])).toEqual([
      ['photos/2024/b.jpg', 2],
      ['photos/a.jpg', 1],
      ['single.txt', 0],
    ]);
  });

  it('reports a symlink loop on its own entry and keeps scanning', async () => {
    mkdirSync(join(root, 'dir/sub'), { recursive: true });
    writeFileSync(join(root, 'dir/sub/file.txt'), 'x');
    symlinkSync(join(root, 'dir'), join(root, 'dir/sub/back-up')); // a link to an ancestor
    symlinkSync('self', join(root, 'dir/self')); // a link to itself: ELOOP
    const { files, problems } = await scanPaths([join(root, 'dir')]);
    expect(files.map((f) => f.relativePath)).toEqual(['dir/sub/file.txt']);
    expect(problems.map((p) => [p.relativePath, p.error.code]).sort()).toEqual([
      ['dir/self', 'transfer.symlinkLoop'],
      ['dir/sub/back-up', 'transfer.symlinkLoop'],
    ]);
  });

  it('reports a vanished path and a pipe per entry instead of failing the drop', async () => {
    writeFileSync(join(root, 'ok.txt'), 'ok');
    execFileSync('mkfifo', [join(root, 'pipe')]);
    const { files, problems } = await scanPaths([
      join(root, 'gone.txt'),
      join(root, 'ok.txt'),
      join(root, 'pipe'),
    ]);
    expect(files.map((f) => f.relativePath)).toEqual(['ok.txt']);
    expect(problems.map((p) => p.error.code)).toEqual(['transfer.notFound', 'transfer.notAFile']);
    expect(problems[0]?.error.message).toContain('gone.txt');
  });
});
