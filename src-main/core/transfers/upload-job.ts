import { stat } from 'node:fs/promises';
import type { JournalRecord, TransferJournal } from './journal';
import { TransferError } from './errors';
import type { S3Session } from './s3-call';

/** What one item's upload needs while it runs. */
export interface UploadJob {
  /** Mutated as the upload advances; persist changes with `save()`. */
  record: JournalRecord;
  /** Send the write with If-None-Match: *, so it lands only where no object is. */
  ifNoneMatch: boolean;
  /** Aborted on pause, cancel or shutdown. */
  signal: AbortSignal;
  session: S3Session;
  journal: TransferJournal;
  /** Read when the upload (re)starts, so settings changes apply to the next file. */
  partSizeMiB: number;
  partConcurrency: () => number;
  progress: {
    add(bytes: number): void;
    subtract(bytes: number): void;
    /** Starts the count over from bytes already on S3. */
    reset(alreadyOnS3: number): void;
  };
  /** Attaches something worth knowing (not a failure) to the item. */
  notice(notice: TransferError): void;
}

/** Persists the job's record. */
export function save(job: UploadJob): Promise<void> {
  return job.journal.save(job.record);
}

/** The bucket and the settled key of a job. */
export function target(job: UploadJob): { Bucket: string; Key: string } {
  return { Bucket: job.record.bucket, Key: job.record.finalKey ?? job.record.key };
}

export interface Fingerprint {
  size: number;
  mtimeMs: number;
}

/** The per-item error for a source that cannot be opened or read (vanished, or no permission). */
export function unreadableSource(path: string, error: unknown): TransferError {
  const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
  return new TransferError(
    code === 'ENOENT' ? 'transfer.notFound' : 'transfer.unreadable',
    code === 'ENOENT'
      ? `${path} no longer exists. Put the file back, then retry.`
      : `${path} cannot be read (${code}). Check its permissions, then retry.`,
    { path },
  );
}

/** Size and mtime of the source now; a vanished file is a clear per-item error. */
export async function fingerprintOf(path: string): Promise<Fingerprint> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    return { size: info.size, mtimeMs: info.mtimeMs };
  } catch (error) {
    throw unreadableSource(path, error);
  }
}

/** True when two fingerprints describe the same file content as far as we can tell. */
export function sameFingerprint(a: Fingerprint, b: Fingerprint): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/** Thrown when the file was modified while it was being sent; the upload starts over. */
export class ChangedDuringUpload extends Error {
  constructor() {
    super('The file changed during the upload');
    this.name = 'ChangedDuringUpload';
  }
}
