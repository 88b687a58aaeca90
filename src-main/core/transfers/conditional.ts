import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { createReadStream } from 'node:fs';
import { crc32 } from 'node:zlib';
import { s3ErrorCode, s3HttpStatus, TransferError } from './errors';
import { crc32Base64 } from './part-stream';
import { callS3, type S3Session } from './s3-call';

// S3's conditional writes (https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-writes.html)
// let a PutObject or CompleteMultipartUpload with `If-None-Match: *` land only where no object is:
// the conflict check rides on the upload itself instead of costing a HeadObject per file.

/** The notice on an item whose file S3 already held, byte for byte: nothing was sent. */
export function alreadyOnS3(): TransferError {
  return new TransferError(
    'transfer.alreadyOnS3',
    'An identical copy of this file was already on S3, so nothing needed to be sent.',
  );
}

/** Why a conditional write did not land. */
export type RefusalReason = 'taken' | 'unsupported';

/**
 * A write sent with If-None-Match did not land: the key is taken (412 PreconditionFailed, or 409
 * ConditionalRequestConflict when another write won a race), or the target does not implement
 * the header (501). Either way the item settles its key again by asking S3 first.
 */
export class ConditionalWriteRefused extends Error {
  constructor(readonly reason: RefusalReason) {
    super(
      reason === 'taken'
        ? 'The key was taken before the upload landed'
        : 'The storage service does not implement conditional writes',
    );
    this.name = 'ConditionalWriteRefused';
  }
}

/** The refusal a conditional write's error stands for, or undefined for any other failure. */
export function refusalOf(error: unknown): RefusalReason | undefined {
  const code = s3ErrorCode(error);
  const status = s3HttpStatus(error);
  if (code === 'PreconditionFailed' || code === 'ConditionalRequestConflict') return 'taken';
  if (status === 412) return 'taken';
  if (status === 501 || code === 'NotImplemented') return 'unsupported';
  return undefined;
}

/** Rethrows a conditional write's refusal as ConditionalWriteRefused, anything else as it was. */
export function rethrowRefusal(error: unknown, conditional: boolean): never {
  const reason = conditional ? refusalOf(error) : undefined;
  if (reason) throw new ConditionalWriteRefused(reason);
  throw error;
}

/** The CRC32 of a whole file in S3's notation, read in a stream (only small files are asked). */
async function fileCRC32(path: string): Promise<string> {
  let crc = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    crc = crc32(chunk as Buffer, crc);
  }
  return crc32Base64(crc);
}

/**
 * True when the object under `key` already holds exactly this file: same size, and the CRC32 S3
 * stored for it equals the file's. That is what a restart finds when the previous run's PutObject
 * landed but the crash came before the journal forgot the item, so it is not a conflict to ask
 * about. Only single-PutObject objects carry a full-object CRC32 to compare.
 */
export async function holdsSameFile(args: {
  session: S3Session;
  bucket: string;
  key: string;
  sourcePath: string;
  size: number;
  signal: AbortSignal;
}): Promise<boolean> {
  const { session, bucket, key, sourcePath, size, signal } = args;
  try {
    const head = await callS3(session, bucket, signal, (client, abortSignal) =>
      client.send(new HeadObjectCommand({ Bucket: bucket, Key: key, ChecksumMode: 'ENABLED' }), {
        abortSignal,
      }),
    );
    if (head.ContentLength !== size || !head.ChecksumCRC32) return false;
    return head.ChecksumCRC32 === (await fileCRC32(sourcePath));
  } catch (error) {
    // Not readable (403 under a prefix-limited grant) or gone: it cannot be shown to be ours.
    if (s3HttpStatus(error) !== undefined) return false;
    throw error;
  }
}
