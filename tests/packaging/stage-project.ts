// Packages a copy of the checkout, not the checkout itself: the build rewrites dist/, which the
// E2E suites serve while they run, and the copy may hold planted files (.env) that must not ship.
import { execFile } from 'node:child_process';
import { cp } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Top-level folders of the checkout that are outputs or caches, never a source the build reads. */
const NOT_COPIED = new Set([
  'node_modules',
  '.git',
  'dist',
  'build',
  'release',
  'out',
  'coverage',
  'test-results',
  '.local-aws-data',
  '.cache',
]);

/**
 * Copies the checkout at `root` into `stage`. node_modules is a real folder of hard links (a few
 * seconds for ~40,000 files), not a symlink: through a symlink `npm ls` sees every package as
 * extraneous and electron-builder then collects an incomplete production tree.
 */
export async function stageProject(root: string, stage: string): Promise<string> {
  await cp(root, stage, {
    recursive: true,
    filter: (source) => !NOT_COPIED.has(relative(root, source)),
  });
  const from = join(root, 'node_modules');
  const to = join(stage, 'node_modules');
  try {
    await run('cp', ['-al', from, to]);
  } catch {
    // Another file system than the checkout's: hard links are impossible, so copy.
    await run('cp', ['-a', from, to]);
  }
  return stage;
}
