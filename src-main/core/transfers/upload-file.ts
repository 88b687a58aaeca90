import { ConditionalWriteRefused } from './conditional';
import { FileChangedError, TransferError } from './errors';
import { abortUpload, uploadMultipart } from './multipart';
import { isSinglePut, partSizeFor } from './part-plan';
import { putSmallFile } from './put-object';
import {
  ChangedDuringUpload,
  fingerprintOf,
  sameFingerprint,
  save,
  target,
  type UploadJob,
} from './upload-job';

/** How often a file that keeps changing is started over before the item fails. */
const MAX_RESTARTS = 3;

const changedNotice = () =>
  new TransferError(
    'transfer.restartedChanged',
    'The file changed after its upload began, so it was sent again from the start.',
  );

/** Drops the journaled multipart upload (aborting it on S3) so the file starts over. */
async function discardUpload(job: UploadJob): Promise<void> {
  const upload = job.record.upload;
  if (!upload) return;
  await abortUpload(job.session, target(job), upload.uploadId, job.signal);
  job.record.upload = undefined;
  await save(job);
}

/**
 * Uploads one item to its settled key: a PutObject for small files, a resumable multipart
 * upload otherwise. A file found changed (before, during or after sending) is started over,
 * with a notice on the item, up to MAX_RESTARTS times.
 */
export async function uploadFile(job: UploadJob): Promise<void> {
  for (let restarts = 0; ; restarts++) {
    const now = await fingerprintOf(job.record.sourcePath);
    if (!sameFingerprint(now, job.record.fingerprint)) {
      if (job.record.upload) {
        await discardUpload(job);
        job.notice(changedNotice());
      }
      job.record.fingerprint = now;
      await save(job);
    }
    const partSize = job.record.upload?.partSize ?? partSizeFor(now.size, job.partSizeMiB);
    try {
      if (isSinglePut(now.size, partSize) && !job.record.upload) await putSmallFile(job, now);
      else await uploadMultipart(job, now);
      return;
    } catch (error) {
      // A big file whose key was taken during its upload starts over once its key is settled again.
      if (error instanceof ConditionalWriteRefused) {
        await discardUpload(job);
        throw error;
      }
      if (!(error instanceof ChangedDuringUpload || error instanceof FileChangedError)) throw error;
      await discardUpload(job);
      if (restarts >= MAX_RESTARTS) {
        throw new TransferError(
          'transfer.fileKeepsChanging',
          'The file kept changing while it was being uploaded. Close the program writing to it, then retry.',
        );
      }
      job.notice(changedNotice());
    }
  }
}
