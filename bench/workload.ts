import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { LargeMatrix, LinkFiles, SmallMatrix } from './plan';

export const MiB = 1024 * 1024;
export const KiB = 1024;

/** Writes `size` random bytes (incompressible, like photos and video) 1 MiB at a time. */
export async function writeRandomFile(path: string, size: number): Promise<void> {
  const out = createWriteStream(path);
  for (let left = size; left > 0; left -= MiB) {
    if (!out.write(randomBytes(Math.min(MiB, left)))) await once(out, 'drain');
  }
  out.end();
  await finished(out);
}

/** Fills a new folder `dir` with `count` random files of `size` bytes each. */
export function writeSmallFiles(dir: string, count: number, size: number): void {
  mkdirSync(dir, { recursive: true });
  const width = String(count).length;
  for (let i = 0; i < count; i++) {
    writeFileSync(join(dir, `photo-${String(i).padStart(width, '0')}.jpg`), randomBytes(size));
  }
}

/** Writes one link's files into `dir`: the large file and its warm-up, and the small folders. */
export async function prepareWorkloads(
  dir: string,
  matrices: { large: LargeMatrix; small: SmallMatrix },
): Promise<LinkFiles> {
  const { large, small } = matrices;
  const files: LinkFiles = {
    largeFile: join(dir, 'large.bin'),
    largeWarmup: join(dir, 'warmup.bin'),
    smallDir: join(dir, 'photos'),
    smallWarmupDir: join(dir, 'warmup-photos'),
  };
  mkdirSync(dir, { recursive: true });
  await writeRandomFile(files.largeFile, large.fileMiB * MiB);
  await writeRandomFile(files.largeWarmup, large.warmupMiB * MiB);
  writeSmallFiles(files.smallDir, small.count, small.sizeKiB * KiB);
  writeSmallFiles(files.smallWarmupDir, small.warmupCount, small.sizeKiB * KiB);
  return files;
}
