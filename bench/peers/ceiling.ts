import { randomBytes } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { MiB } from '../workload';

/** The bare PUT loop at one concurrency. */
export interface CeilingFigure {
  concurrency: number;
  mibPerSecond: number;
  seconds: number;
}

/**
 * The stand-in's ceiling: `totalBytes` of signed PutObjects of `objectBytes` each from one buffer
 * in memory, `concurrency` in flight. No files, no journal, no progress: what any client on this
 * endpoint could reach at best.
 */
export async function measureCeiling(
  s3: S3Client,
  target: { bucket: string; keyPrefix: string },
  sizes: { objectBytes: number; totalBytes: number },
  concurrency: number,
): Promise<CeilingFigure> {
  const body = randomBytes(sizes.objectBytes);
  const count = Math.max(1, Math.round(sizes.totalBytes / sizes.objectBytes));
  // One warm-up request so connection set-up is not timed.
  await s3.send(
    new PutObjectCommand({ Bucket: target.bucket, Key: `${target.keyPrefix}warmup`, Body: body }),
  );
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const key = `${target.keyPrefix}c${concurrency}-${next++ % concurrency}`;
      await s3.send(new PutObjectCommand({ Bucket: target.bucket, Key: key, Body: body }));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { concurrency, seconds, mibPerSecond: (count * sizes.objectBytes) / MiB / seconds };
}

/**
 * The disk's sequential write rate where local-aws keeps its objects: `bytes` in 8 MiB writes,
 * timed through the fdatasync that makes them durable.
 */
export async function measureDiskWrite(path: string, bytes: number): Promise<number> {
  const chunk = randomBytes(8 * MiB);
  const file = await open(path, 'w');
  const started = performance.now();
  try {
    for (let written = 0; written < bytes; written += chunk.length) await file.write(chunk);
    await file.datasync();
  } finally {
    await file.close();
  }
  const seconds = (performance.now() - started) / 1000;
  await rm(path, { force: true });
  return bytes / MiB / seconds;
}
