import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';

/** Largest single file the harness will stage (the browser path is for development and tests). */
export const MAX_STAGED_BYTES = 5 * 1024 ** 3;

/**
 * Creates this run's staging folder: mkdtemp gives a fresh, unpredictable name at 0700, never a
 * folder an earlier run or another user left behind. It is removed when the process exits.
 */
export function createStagingDir(parent: string = tmpdir()): string {
  const dir = mkdtempSync(join(parent, 'hakobu-staging-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Validates a dropped file's relative path (e.g. "trip/day 1/photo.jpg") into safe segments. */
export function safeRelativePath(name: string): string | null {
  const segments = name.split(/[\\/]/);
  const unsafe = (s: string) =>
    s === '' || s === '.' || s === '..' || [...s].some((c) => c.charCodeAt(0) < 0x20);
  if (segments.length === 0 || segments.length > 64 || segments.some(unsafe)) return null;
  return segments.join(sep);
}

/** The folder of one drop: files of one drop share a batch, so a dropped folder is staged (and enqueued) as one folder. */
export function batchDirOf(stagingDir: string, batch?: string): string {
  return join(stagingDir, batch && /^[\w-]{8,64}$/.test(batch) ? batch : randomUUID());
}

/** Where a file of the drop is written; throws if the path would leave the drop's folder. */
export function stagedTarget(batchDir: string, relativePath: string): string {
  const target = normalize(join(batchDir, relativePath));
  if (!target.startsWith(batchDir + sep)) throw new Error('path escapes the staging folder');
  return target;
}

/** What to enqueue for a staged file: the top-level entry the user dropped (its folder, or itself). */
export function topEntryOf(batchDir: string, relativePath: string): string {
  return join(batchDir, relativePath.split(sep)[0] ?? relativePath);
}

/**
 * Streams one dropped browser File into its drop's folder under the staging folder and returns the
 * path to enqueue: the top-level entry the user dropped (the folder, or the file itself), so the
 * upload key keeps the folder structure ("trip/day 1/photo.jpg") exactly as from a desktop drop.
 */
export async function stageUpload(
  stagingDir: string,
  relativePath: string,
  body: IncomingMessage,
  batch?: string,
): Promise<string> {
  const batchDir = batchDirOf(stagingDir, batch);
  const target = stagedTarget(batchDir, relativePath);
  await mkdir(dirname(target), { recursive: true });
  let size = 0;
  body.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_STAGED_BYTES) body.destroy(new Error('file too large for the web harness'));
  });
  await pipeline(body, createWriteStream(target, { mode: 0o600 }));
  return topEntryOf(batchDir, relativePath);
}
