import { HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
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
  /** `ifNoneMatch`: send the write with If-None-Match: *, so S3 refuses it if the key is taken by then. */
  | { action: 'upload'; key: string; ifNoneMatch: boolean }
  /** The object under the key already holds exactly this file: nothing to send or ask. */
  | { action: 'alreadyThere' }
  | { action: 'skip'; existing: ExistingObject }
  | { action: 'ask'; existing: ExistingObject };

async function listExact(
  session: S3Session,
  bucket: string,
  key: string,
  signal: AbortSignal,
): Promise<ExistingObject | undefined> {
  // The key sorts before every longer key it prefixes, so one result is enough.
  const page = await callS3(session, bucket, signal, (client, abortSignal) =>
    client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: key, MaxKeys: 1 }), {
      abortSignal,
    }),
  );
  const found = page.Contents?.[0];
  if (found?.Key !== key) return undefined;
  return {
    size: found.Size ?? 0,
    lastModified: (found.LastModified ?? new Date(0)).toISOString(),
  };
}

/**
 * The object under `key`, or undefined when there is none. HeadObject first; but S3 answers a
 * missing key with 403 to callers whose ListBucket grant is limited to a prefix (Hakobu's own
 * policy), so a 403 is settled with a ListObjectsV2 on the exact key, and after the first such
 * answer the session asks the listing directly.
 */
export async function findObject(
  session: S3Session,
  bucket: string,
  key: string,
  signal: AbortSignal,
): Promise<ExistingObject | undefined> {
  if (session.probe.headIsAmbiguous) return listExact(session, bucket, key, signal);
  try {
    const head = await callS3(session, bucket, signal, (client, abortSignal) =>
      client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), { abortSignal }),
    );
    return {
      size: head.ContentLength ?? 0,
      lastModified: (head.LastModified ?? new Date(0)).toISOString(),
    };
  } catch (error) {
    const status = s3HttpStatus(error);
    if (status === 404) return undefined;
    // A HEAD error has no body, so S3's code (ExpiredToken, say) is lost: a listing, which has
    // one, either answers or fails with an error the retry logic understands.
    if (status === 400) return listExact(session, bucket, key, signal);
    if (status !== 403) throw error;
  }
  const listed = await listExact(session, bucket, key, signal);
  if (!listed) session.probe.headIsAmbiguous = true;
  return listed;
}

/** The most renames tried before giving up (each costs a HeadObject). */
const MAX_RENAMES = 1_000;

/**
 * Settles where a file goes when its key may be taken. `isTaken` covers keys other queued
 * items have already claimed, so two drops of `photo.jpg` do not overwrite each other.
 *
 * Overwriting asks nothing. Otherwise, where the target honours conditional writes and the
 * caller does not need to know first (`lookUpFirst`: a big file, which would be sent whole before
 * a refusal), the file goes straight to its key with If-None-Match and a refusal is the conflict:
 * no round trip per file. Else S3 is asked first (HeadObject or a listing), as before.
 */
export async function decideKey(args: {
  session: S3Session;
  bucket: string;
  key: string;
  policy: ConflictPolicy;
  isTaken: (key: string) => boolean;
  conditionalWrites: boolean;
  lookUpFirst: boolean;
  /** Given after a refused write: true when the object found under the key is this very file. */
  holdsThisFile?: (key: string) => Promise<boolean>;
  signal: AbortSignal;
}): Promise<KeyDecision> {
  const { session, bucket, key, policy, isTaken, conditionalWrites, signal } = args;
  if (policy === 'overwrite') return { action: 'upload', key, ifNoneMatch: false };
  const upload = (to: string): KeyDecision => ({
    action: 'upload',
    key: to,
    ifNoneMatch: conditionalWrites,
  });
  if (conditionalWrites && !args.lookUpFirst && !isTaken(key)) return upload(key);
  const lookup = async (candidate: string): Promise<ExistingObject | undefined> =>
    isTaken(candidate)
      ? { size: 0, lastModified: new Date().toISOString() }
      : findObject(session, bucket, candidate, signal);

  const existing = await lookup(key);
  if (!existing) return upload(key);
  if (!isTaken(key) && (await args.holdsThisFile?.(key))) return { action: 'alreadyThere' };
  if (policy === 'skip') return { action: 'skip', existing };
  if (policy === 'ask') return { action: 'ask', existing };
  for (let n = 1; n <= MAX_RENAMES; n++) {
    const candidate = renamedKey(key, n);
    validateKey(candidate);
    if (!(await lookup(candidate))) return upload(candidate);
  }
  throw new Error(`No free name for ${key} after ${MAX_RENAMES} tries`);
}
