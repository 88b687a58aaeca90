import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';

const MiB = 1024 * 1024;

/** Sequential write rate (MiB/s) of `dir`'s disk in 8 MiB chunks, each followed by fdatasync. */
export async function measureDiskRate(dir: string, totalMiB = 512): Promise<number> {
  const path = join(dir, `disk-rate-${process.pid}.bin`);
  const chunk = Buffer.alloc(8 * MiB, 0x5a);
  const file = await open(path, 'w');
  const started = performance.now();
  try {
    for (let written = 0; written < totalMiB * MiB; written += chunk.length) {
      await file.write(chunk, 0, chunk.length);
      await file.datasync();
    }
  } finally {
    await file.close();
  }
  const seconds = (performance.now() - started) / 1000;
  await rm(path, { force: true });
  return totalMiB / seconds;
}
