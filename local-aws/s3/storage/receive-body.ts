import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createChecksum, type ChecksumAlgorithm } from '../checksums';

/** Digests of a body, computed while it streamed past. */
export interface BodyDigests {
  size: number;
  md5: Buffer;
  checksums: Partial<Record<ChecksumAlgorithm, Buffer>>;
}

/** A request body now on disk. */
export interface ReceivedBody extends BodyDigests {
  tempPath: string;
}

export interface ReceiveOptions {
  /** Flexible checksums to compute alongside MD5. */
  algorithms: readonly ChecksumAlgorithm[];
  /** Called after each chunk with the running byte count; throwing aborts the transfer. */
  onProgress?: (received: number) => void;
}

/**
 * Streams a body to tempPath (never holding it whole in memory), hashing as it goes, and fsyncs it
 * before returning. On any failure the temp file is removed and the error rethrown.
 */
export async function receiveBody(
  source: Readable,
  tempPath: string,
  options: ReceiveOptions,
): Promise<ReceivedBody> {
  const md5 = createHash('md5');
  const hashers = options.algorithms.map((algorithm) => ({
    algorithm,
    hasher: createChecksum(algorithm),
  }));
  let size = 0;
  try {
    await pipeline(
      source,
      async function* hashAndCount(chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          md5.update(chunk);
          for (const { hasher } of hashers) hasher.update(chunk);
          size += chunk.length;
          options.onProgress?.(size);
          yield chunk;
        }
      },
      createWriteStream(tempPath, { flush: true }),
    );
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
  const checksums: ReceivedBody['checksums'] = {};
  for (const { algorithm, hasher } of hashers) checksums[algorithm] = hasher.digest();
  return { tempPath, size, md5: md5.digest(), checksums };
}
