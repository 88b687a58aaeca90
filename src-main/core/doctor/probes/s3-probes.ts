import {
  DeleteObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { DoctorContext } from '../context';
import { attempt, type Attempt } from './attempt';

const PROBE_BODY = 'Written by "hakobu doctor" to check write access. Safe to delete.\n';

/** Lists at most one key under a prefix (or the whole bucket when prefix is undefined). */
export function listOne(
  ctx: DoctorContext,
  s3: S3Client,
  bucket: string,
  prefix: string | undefined,
): Promise<Attempt<unknown>> {
  return attempt(() =>
    s3.send(
      new ListObjectsV2Command({
        Bucket: bucket,
        MaxKeys: 1,
        ...(prefix === undefined ? {} : { Prefix: prefix }),
      }),
      { abortSignal: ctx.signal() },
    ),
  );
}

/** Writes the tiny probe object (with `ifNoneMatch`, only where no object is). */
export function putProbe(
  ctx: DoctorContext,
  s3: S3Client,
  bucket: string,
  key: string,
  ifNoneMatch = false,
): Promise<Attempt<unknown>> {
  return attempt(() =>
    s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: PROBE_BODY,
        ContentType: 'text/plain; charset=utf-8',
        ...(ifNoneMatch ? { IfNoneMatch: '*' } : {}),
      }),
      { abortSignal: ctx.signal() },
    ),
  );
}

/** Deletes the probe object again. */
export function deleteProbe(
  ctx: DoctorContext,
  s3: S3Client,
  bucket: string,
  key: string,
): Promise<Attempt<unknown>> {
  return attempt(() =>
    s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: ctx.signal() }),
  );
}
