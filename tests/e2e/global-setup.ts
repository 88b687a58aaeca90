import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
/** Everything the renderer bundle is built from (the contract's runtime helpers included). */
const SOURCES = ['src-renderer', 'src-main/contract', 'vite.config.ts', 'package-lock.json'];
const BUILT = join(root, 'dist/renderer/index.html');

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

function builtAt(): number {
  try {
    return statSync(BUILT).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Builds the renderer once before the E2E files run, unless dist/renderer is newer than every
 * source it is built from: the harness serves dist/renderer, so a stale bundle would test old code.
 */
export default function buildRendererOnce(): void {
  const newest = Math.max(...SOURCES.map((path) => newestChange(join(root, path))));
  if (builtAt() > newest) return;
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'error'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
