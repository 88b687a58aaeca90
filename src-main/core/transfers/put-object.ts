import { open } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { rethrowRefusal } from './conditional';
import { sendDirectPut } from './direct-put/send-put';
import { FileChangedError } from './errors';
import { crc32Base64, FilePartStream } from './part-stream';
import { callS3 } from './s3-call';
import {
  ChangedDuringUpload,
  fingerprintOf,
  sameFingerprint,
  target,
  unreadableSource,
  type Fingerprint,
  type UploadJob,
} from './upload-job';

/**
 * Files up to this size are read whole and sent from memory. WHY: a stream body makes the SDK
 * send aws-chunked encoding with a trailing checksum, which costs both ends CPU per chunk; a
 * buffer goes out as one plain body with its CRC32 in a header. Memory stays bounded: at most
 * one such buffer per request in flight (parallelTransfers ≤ 64, so ≤ 64 MiB).
 */
export const BUFFERED_PUT_MAX_BYTES = 1024 * 1024;

/**
 * Sends a file smaller than one part as a single PutObject with a CRC32 checksum (an empty
 * body for a 0-byte file). Throws ChangedDuringUpload when the file changed meanwhile, and
 * ConditionalWriteRefused when S3 refused the job's If-None-Match.
 */
export async function putSmallFile(job: UploadJob, fingerprint: Fingerprint): Promise<void> {
  if (fingerprint.size <= BUFFERED_PUT_MAX_BYTES) return putBufferedFile(job, fingerprint);
  const size = fingerprint.size;
  let stream: FilePartStream | undefined;
  const discard = () => {
    if (!stream) return;
    job.progress.subtract(stream.counted);
    stream.destroy();
    stream = undefined;
  };
  job.progress.reset(0);
  try {
    await callS3(
      job.session,
      target(job).Bucket,
      job.signal,
      async (client, abortSignal) => {
        const body =
          size === 0
            ? new Uint8Array(0)
            : (stream = new FilePartStream(job.record.sourcePath, 0, size, (n) =>
                job.progress.add(n),
              ));
        await client.send(
          new PutObjectCommand({
            ...target(job),
            Body: body,
            ContentLength: size,
            ChecksumAlgorithm: 'CRC32',
            ...(job.ifNoneMatch ? { IfNoneMatch: '*' } : {}),
          }),
          { abortSignal },
        );
        if (stream && stream.counted !== size) throw new FileChangedError(job.record.sourcePath);
        stream = undefined;
      },
      discard,
    );
  } catch (error) {
    const changed = stream?.fileChanged;
    discard();
    if (changed) throw changed;
    rethrowRefusal(error, job.ifNoneMatch);
  }
  if (!sameFingerprint(await fingerprintOf(job.record.sourcePath), fingerprint)) {
    throw new ChangedDuringUpload();
  }
}

/**
 * Reads the whole file through one handle and checks, on that handle, that it is still the file
 * fingerprinted: the bytes sent are then one consistent version, so no stat after the PUT.
 */
async function readWhole(path: string, expected: Fingerprint): Promise<Buffer> {
  const handle = await open(path, 'r').catch((error: unknown) => {
    throw unreadableSource(path, error);
  });
  try {
    const buffer = Buffer.allocUnsafe(expected.size);
    let filled = 0;
    while (filled < expected.size) {
      const { bytesRead } = await handle.read(buffer, filled, expected.size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    const now = await handle.stat();
    if (filled !== expected.size || !sameFingerprint(now, expected)) {
      throw new ChangedDuringUpload();
    }
    return buffer;
  } finally {
    await handle.close();
  }
}

/**
 * One PutObject of `body`: straight over HTTP where Hakobu can address the bucket itself (see
 * direct-put/), else through the SDK, both with the engine's retries and request budget.
 */
async function sendBuffered(job: UploadJob, body: Buffer, checksum: string): Promise<void> {
  const { Bucket, Key } = target(job);
  const holder = job.session.holder;
  const base = holder.directPutBase(Bucket);
  if (base) {
    await callS3(job.session, Bucket, job.signal, async (_client, signal) => {
      const ctx = await holder.directPutContext();
      const put = { base, key: Key, body, checksumCRC32: checksum, ifNoneMatch: job.ifNoneMatch };
      await sendDirectPut({ ...put, signal }, ctx);
    });
    return;
  }
  await callS3(job.session, Bucket, job.signal, async (client, abortSignal) => {
    const command = new PutObjectCommand({
      Bucket,
      Key,
      Body: body,
      ContentLength: body.length,
      // Given, so the SDK neither computes it again nor streams the body to add a trailer.
      ChecksumCRC32: checksum,
      ...(job.ifNoneMatch ? { IfNoneMatch: '*' } : {}),
    });
    await client.send(command, { abortSignal });
  });
}

/** putSmallFile for a file of at most BUFFERED_PUT_MAX_BYTES: one read, one plain PutObject. */
async function putBufferedFile(job: UploadJob, fingerprint: Fingerprint): Promise<void> {
  job.progress.reset(0);
  const body = await readWhole(job.record.sourcePath, fingerprint);
  const checksum = crc32Base64(crc32(body));
  try {
    await sendBuffered(job, body, checksum);
  } catch (error) {
    rethrowRefusal(error, job.ifNoneMatch);
  }
  // Counted once S3 holds it: a small file's progress is all or nothing.
  job.progress.add(body.length);
}
