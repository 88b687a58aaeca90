import { HeadObjectCommand } from '@aws-sdk/client-s3';
import type { ConflictChoice } from '../../contract/views';
import { s3HttpStatus } from './errors';
import { renamedKey, validateKey } from './keys';
import { callS3, type S3Session } from './s3-call';

/** What is already stored under a key. */
export interface ExistingObject {
  size: number;
  lastModified: string;
}

export type ConflictPolicy = ConflictChoice | 'ask';

export type KeyDecision =
  | { action: 'upload'; key: string }
  | { action: 'skip'; existing: ExistingObject }
  | { action: 'ask'; existing: ExistingObject };

/** HeadObject: the object under `key`, or undefined when there is none. */
export async function headObject(
  session: S3Session,
  bucket: string,
  key: string,
  signal: AbortSignal,
): Promise<ExistingObject | undefined> {
  try {
    const head = await callS3(session, signal, (client, abortSignal) =>
      client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), { abortSignal }),
    );
    return {
      size: head.ContentLength ?? 0,
      lastModified: (head.LastModified ?? new Date(0)).toISOString(),
    };
  } catch (error) {
    if (s3HttpStatus(error) === 404) return undefined;
    throw error;
  }
}

/** The most renames tried before giving up (each costs a HeadObject). */
const MAX_RENAMES = 1_000;

/**
 * Settles where a file goes when its key may be taken. `isTaken` covers keys other queued
 * items have already claimed, so two drops of `photo.jpg` do not overwrite each other.
 */
export async function decideKey(args: {
  session: S3Session;
  bucket: string;
  key: string;
  policy: ConflictPolicy;
  isTaken: (key: string) => boolean;
  signal: AbortSignal;
}): Promise<KeyDecision> {
  const { session, bucket, key, policy, isTaken, signal } = args;
  const lookup = async (candidate: string): Promise<ExistingObject | undefined> =>
    isTaken(candidate)
      ? { size: 0, lastModified: new Date().toISOString() }
      : headObject(session, bucket, candidate, signal);

  const existing = await lookup(key);
  if (!existing || policy === 'overwrite') return { action: 'upload', key };
  if (policy === 'skip') return { action: 'skip', existing };
  if (policy === 'ask') return { action: 'ask', existing };
  for (let n = 1; n <= MAX_RENAMES; n++) {
    const candidate = renamedKey(key, n);
    validateKey(candidate);
    if (!(await lookup(candidate))) return { action: 'upload', key: candidate };
  }
  throw new Error(`No free name for ${key} after ${MAX_RENAMES} tries`);
}
