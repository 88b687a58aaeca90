import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createChecksum, type ChecksumAlgorithm } from '../checksums';
import { BatchedFile } from './batched-file';

/** Digests of a body, computed while it streamed past. */
export interface BodyDigests {
  size: number;
  md5: Buffer;
  checksums: Partial<Record<ChecksumAlgorithm, Buffer>>;
}

/** A request body now on disk, as a blob no record refers to yet. */
export interface ReceivedBody extends BodyDigests {
  file: string;
}

export interface ReceiveOptions {
  /** Flexible checksums to compute alongside MD5. */
  algorithms: readonly ChecksumAlgorithm[];
  /** Called after each chunk with the running byte count; throwing aborts the transfer. */
  onProgress?: (received: number) => void;
}

/**
 * Streams a body to `path` (never holding it whole in memory), hashing every chunk once for all
 * digests as it goes, and fdatasyncs it before returning. On any failure the file is removed and
 * the error rethrown.
 */
export async function receiveBody(
  source: Readable,
  path: string,
  options: ReceiveOptions,
): Promise<BodyDigests> {
  const md5 = createHash('md5');
  const hashers = options.algorithms.map((algorithm) => ({
    algorithm,
    hasher: createChecksum(algorithm),
  }));
  let size = 0;
  const file = await BatchedFile.create(path);
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      md5.update(chunk);
      for (const { hasher } of hashers) hasher.update(chunk);
      size += chunk.length;
      options.onProgress?.(size);
      await file.write(chunk);
    }
    await file.finish();
  } catch (error) {
    await file.abandon();
    await rm(path, { force: true });
    throw error;
  }
  const checksums: BodyDigests['checksums'] = {};
  for (const { algorithm, hasher } of hashers) checksums[algorithm] = hasher.digest();
  return { size, md5: md5.digest(), checksums };
}
