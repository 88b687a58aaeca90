import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  ListPartsCommand,
  UploadPartCommand,
  type Part,
} from '@aws-sdk/client-s3';
import { refusalOf, rethrowRefusal } from './conditional';
import { findObject } from './conflicts';
import { FileChangedError, s3ErrorCode, TransferError } from './errors';
import type { FinishedPart, MultipartProgress } from './journal';
import { partSizeFor, planParts, type PlannedPart } from './part-plan';
import { compositeCRC32, FilePartStream } from './part-stream';
import { runPool } from './pool';
import { callS3, type S3Session } from './s3-call';
import {
  ChangedDuringUpload,
  fingerprintOf,
  sameFingerprint,
  save,
  target,
  type Fingerprint,
  type UploadJob,
} from './upload-job';

/** Lists every part S3 holds for an upload, 1,000 per page; undefined when the upload is gone. */
async function listAllParts(job: UploadJob, uploadId: string): Promise<Part[] | undefined> {
  const parts: Part[] = [];
  let marker: string | undefined;
  for (;;) {
    const page = await callS3(job.session, target(job).Bucket, job.signal, (client, abortSignal) =>
      client.send(
        new ListPartsCommand({
          ...target(job),
          UploadId: uploadId,
          MaxParts: 1000,
          ...(marker ? { PartNumberMarker: marker } : {}),
        }),
        { abortSignal },
      ),
    ).catch((error: unknown) => {
      if (s3ErrorCode(error) === 'NoSuchUpload') return undefined;
      throw error;
    });
    if (!page) return undefined;
    parts.push(...(page.Parts ?? []));
    if (!page.IsTruncated || !page.NextPartNumberMarker) return parts;
    marker = page.NextPartNumberMarker;
  }
}

/** The CRC32 of one planned part as it is on disk now. */
async function localChecksum(path: string, part: PlannedPart): Promise<string> {
  const stream = new FilePartStream(path, part.offset, part.length, () => undefined);
  // Consuming the stream is the point: it sums as it goes.
  for await (const _chunk of stream);
  return stream.checksumCRC32();
}

/**
 * Makes the journal agree with S3 after a crash or pause: parts S3 finished but the journal
 * missed are adopted (when their size and checksum match the file), parts S3 does not have are
 * dropped so they are sent again. Nothing S3 already holds is sent twice. False: upload gone.
 */
async function reconcile(job: UploadJob, upload: MultipartProgress, plan: PlannedPart[]) {
  const listed = await listAllParts(job, upload.uploadId);
  if (!listed) return false;
  const journaled = new Map(upload.parts.map((p) => [p.partNumber, p]));
  const adopted: FinishedPart[] = [];
  for (const remote of listed) {
    const planned = plan[(remote.PartNumber ?? 0) - 1];
    if (!planned || !remote.ETag || remote.Size !== planned.length) continue;
    const known = journaled.get(planned.partNumber);
    if (known?.etag === remote.ETag) {
      adopted.push(known);
      continue;
    }
    const checksum = await localChecksum(job.record.sourcePath, planned);
    if (remote.ChecksumCRC32 && remote.ChecksumCRC32 !== checksum) continue;
    adopted.push({
      partNumber: planned.partNumber,
      etag: remote.ETag,
      checksumCRC32: checksum,
      size: planned.length,
    });
  }
  upload.parts = adopted.sort((a, b) => a.partNumber - b.partNumber);
  await save(job);
  return true;
}

async function createUpload(job: UploadJob, partSize: number): Promise<MultipartProgress> {
  const created = await callS3(job.session, target(job).Bucket, job.signal, (client, abortSignal) =>
    client.send(new CreateMultipartUploadCommand({ ...target(job), ChecksumAlgorithm: 'CRC32' }), {
      abortSignal,
    }),
  );
  if (!created.UploadId) throw new Error('CreateMultipartUpload returned no UploadId');
  const upload = { uploadId: created.UploadId, partSize, parts: [], completing: false };
  job.record.upload = upload;
  await save(job);
  return upload;
}

async function uploadPart(
  job: UploadJob,
  uploadId: string,
  part: PlannedPart,
  signal: AbortSignal,
): Promise<FinishedPart> {
  let stream: FilePartStream | undefined;
  // Bytes of a failed attempt are taken back from progress: S3 did not keep them.
  const discard = () => {
    if (!stream) return;
    job.progress.subtract(stream.counted);
    stream.destroy();
    stream = undefined;
  };
  try {
    return await callS3(
      job.session,
      target(job).Bucket,
      signal,
      async (client, abortSignal) => {
        const body = new FilePartStream(job.record.sourcePath, part.offset, part.length, (n) =>
          job.progress.add(n),
        );
        stream = body;
        const out = await client.send(
          new UploadPartCommand({
            ...target(job),
            UploadId: uploadId,
            PartNumber: part.partNumber,
            Body: body,
            ContentLength: part.length,
            ChecksumAlgorithm: 'CRC32',
          }),
          { abortSignal },
        );
        if (body.counted !== part.length) throw new FileChangedError(job.record.sourcePath);
        const checksum = body.checksumCRC32();
        if (out.ChecksumCRC32 && out.ChecksumCRC32 !== checksum) {
          throw Object.assign(new Error('S3 stored another CRC32 than was sent'), {
            name: 'BadDigest',
          });
        }
        if (!out.ETag) throw new Error('UploadPart returned no ETag');
        stream = undefined;
        return {
          partNumber: part.partNumber,
          etag: out.ETag,
          checksumCRC32: checksum,
          size: part.length,
        };
      },
      discard,
    );
  } catch (error) {
    const changed = stream?.fileChanged;
    discard();
    throw changed ?? error;
  }
}

/** Aborts a multipart upload so S3 frees (and stops billing) its parts; a gone upload is fine. */
export async function abortUpload(
  session: S3Session,
  object: { Bucket: string; Key: string },
  uploadId: string,
  signal: AbortSignal,
): Promise<void> {
  await callS3(session, object.Bucket, signal, (client, abortSignal) =>
    client.send(new AbortMultipartUploadCommand({ ...object, UploadId: uploadId }), {
      abortSignal,
    }),
  ).catch((error: unknown) => {
    if (s3ErrorCode(error) !== 'NoSuchUpload') throw error;
  });
}

/** After a lost Complete response the upload is gone: the object tells whether it went through. */
async function completedEarlier(job: UploadJob, upload: MultipartProgress): Promise<boolean> {
  if (!upload.completing) return false;
  const { Bucket, Key } = target(job);
  const existing = await findObject(job.session, Bucket, Key, job.signal);
  return existing?.size === job.record.fingerprint.size;
}

function sendComplete(
  job: UploadJob,
  upload: MultipartProgress,
  parts: readonly FinishedPart[],
  ifNoneMatch: boolean,
) {
  return callS3(job.session, target(job).Bucket, job.signal, (client, abortSignal) =>
    client.send(
      new CompleteMultipartUploadCommand({
        ...target(job),
        UploadId: upload.uploadId,
        MultipartUpload: {
          Parts: parts.map((p) => ({
            PartNumber: p.partNumber,
            ETag: p.etag,
            ChecksumCRC32: p.checksumCRC32,
          })),
        },
        ...(ifNoneMatch ? { IfNoneMatch: '*' } : {}),
      }),
      { abortSignal },
    ),
  );
}

async function complete(job: UploadJob, upload: MultipartProgress): Promise<void> {
  upload.completing = true;
  await save(job);
  const parts = [...upload.parts].sort((a, b) => a.partNumber - b.partNumber);
  const out = await sendComplete(job, upload, parts, job.ifNoneMatch).catch(
    async (error: unknown) => {
      if (s3ErrorCode(error) === 'NoSuchUpload' && (await completedEarlier(job, upload))) return;
      // The key was looked up before the parts went: a target without conditional writes
      // completes as it would have without the header.
      if (job.ifNoneMatch && refusalOf(error) === 'unsupported') {
        job.session.probe.conditionalWrites = false;
        return sendComplete(job, upload, parts, false);
      }
      rethrowRefusal(error, job.ifNoneMatch);
    },
  );
  const expected = compositeCRC32(parts.map((p) => p.checksumCRC32));
  if (out?.ChecksumCRC32?.includes('-') && out.ChecksumCRC32 !== expected) {
    throw new TransferError(
      'transfer.checksumMismatch',
      'S3 reports a different checksum for the assembled file than Hakobu computed. Upload it again.',
    );
  }
}

/**
 * Sends a file as a multipart upload, resuming the journaled one when there is one. Throws
 * ChangedDuringUpload (after aborting the upload) when the file changed while it was sent.
 */
export async function uploadMultipart(job: UploadJob, fingerprint: Fingerprint): Promise<void> {
  let upload = job.record.upload;
  const partSize = upload?.partSize ?? partSizeFor(fingerprint.size, job.partSizeMiB);
  const plan = planParts(fingerprint.size, partSize);
  if (upload && !(await reconcile(job, upload, plan))) {
    if (await completedEarlier(job, upload)) return;
    job.notice(
      new TransferError(
        'transfer.uploadRestarted',
        'S3 no longer had the unfinished upload (it may have been cleaned up), so the file is sent again from the start.',
      ),
    );
    upload = undefined;
    job.record.upload = undefined;
  }
  const active = upload ?? (await createUpload(job, partSize));
  const done = new Set(active.parts.map((p) => p.partNumber));
  job.progress.reset(active.parts.reduce((sum, p) => sum + p.size, 0));

  await runPool(
    plan.filter((p) => !done.has(p.partNumber)),
    job.partConcurrency,
    async (part, signal) => {
      active.parts.push(await uploadPart(job, active.uploadId, part, signal));
      await save(job);
    },
    job.signal,
  );

  const now = await fingerprintOf(job.record.sourcePath);
  if (!sameFingerprint(now, fingerprint)) {
    await abortUpload(job.session, target(job), active.uploadId, job.signal);
    job.record.upload = undefined;
    await save(job);
    throw new ChangedDuringUpload();
  }
  await complete(job, active);
}
