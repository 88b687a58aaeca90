import { PutObjectCommand } from '@aws-sdk/client-s3';
import { rethrowRefusal } from './conditional';
import { FileChangedError } from './errors';
import { FilePartStream } from './part-stream';
import { callS3 } from './s3-call';
import {
  ChangedDuringUpload,
  fingerprintOf,
  sameFingerprint,
  target,
  type Fingerprint,
  type UploadJob,
} from './upload-job';

/**
 * Sends a file smaller than one part as a single PutObject with a CRC32 checksum (an empty
 * body for a 0-byte file). Throws ChangedDuringUpload when the file changed meanwhile, and
 * ConditionalWriteRefused when S3 refused the job's If-None-Match.
 */
export async function putSmallFile(job: UploadJob, fingerprint: Fingerprint): Promise<void> {
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
