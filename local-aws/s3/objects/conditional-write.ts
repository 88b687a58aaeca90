import { anObject, requireAllowed } from '../access';
import {
  conditionalRequestConflict,
  noSuchKey,
  preconditionFailed,
  unsupportedWriteCondition,
} from '../errors';
import { header, type BucketRequest } from '../request';
import type { ObjectRecord } from '../storage/records';
import { unquoteEtag } from './object-headers';

// S3's conditional writes (PutObject, CompleteMultipartUpload), after
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-writes.html: If-None-Match
// takes only "*", If-Match takes one ETag, and the two cannot be combined.

type WriteCondition = { header: 'If-None-Match' } | { header: 'If-Match'; etag: string };

const notAccepted = (name: string) =>
  unsupportedWriteCondition(
    name,
    `We don't accept the provided value of ${name} header for this API`,
  );

function readCondition(r: BucketRequest): WriteCondition | undefined {
  const ifNoneMatch = header(r.req, 'if-none-match');
  const ifMatch = header(r.req, 'if-match');
  if (ifNoneMatch !== undefined && ifMatch !== undefined) {
    throw unsupportedWriteCondition(
      'If-Match,If-None-Match',
      'Multiple conditional request headers present in the request',
    );
  }
  if (ifNoneMatch !== undefined) {
    if (ifNoneMatch.trim() !== '*') throw notAccepted('If-None-Match');
    return { header: 'If-None-Match' };
  }
  if (ifMatch === undefined) return undefined;
  const etag = unquoteEtag(ifMatch);
  if (etag === '*') throw notAccepted('If-Match');
  return { header: 'If-Match', etag };
}

function evaluate(condition: WriteCondition, key: string, existing: ObjectRecord | undefined) {
  if (condition.header === 'If-None-Match') {
    if (existing) throw preconditionFailed('If-None-Match');
    return;
  }
  if (!existing) throw noSuchKey(key);
  if (existing.etag !== condition.etag) throw preconditionFailed('If-Match');
}

/** A write's precondition, checked when the request starts and guarded until the write lands. */
export interface WriteGuard {
  /**
   * Throws 409 ConditionalRequestConflict when the key was written or deleted since the check.
   * Call it in the same synchronous step as the put, with no await in between, so that the check
   * and the replacement are one atomic step.
   */
  confirm(): void;
  /** Stops guarding; call it on every way out of the request. */
  end(): void;
}

const UNCONDITIONAL: WriteGuard = { confirm: () => undefined, end: () => undefined };

/**
 * Reads If-None-Match / If-Match, refuses forms S3 does not implement (501), and checks them
 * against the key as it is now: an object that is there for If-None-Match, or differs for If-Match,
 * is 412 PreconditionFailed; a missing one for If-Match is 404 NoSuchKey. From then on the key is
 * watched, and a put or delete that lands on it first makes this write a 409: S3 documents that for
 * a write overtaken by a delete, and answers the loser of a race already under way the same way.
 * A request that starts after the winner finds the key settled and gets the 412. An unconditional
 * write costs two header lookups and is never refused. The `conditionalWrites` fault stands in
 * for S3-compatible services that ignore the headers or answer them with 501.
 */
export function beginConditionalWrite(r: BucketRequest): WriteGuard {
  const condition = readCondition(r);
  if (!condition) return UNCONDITIONAL;
  r.log.condition = condition.header;
  const emulated = r.ctx.state.faults.conditionalWrites;
  if (emulated === 'ignore') return UNCONDITIONAL;
  if (emulated === 'notImplemented') throw notAccepted(condition.header);
  // S3 asks for s3:GetObject too before it compares ETags for the caller.
  if (condition.header === 'If-Match') {
    requireAllowed(r, 's3:GetObject', anObject(r.key));
  }
  evaluate(condition, r.key, r.storage.objects.get(r.key));
  const watch = r.storage.objects.watch(r.key);
  return {
    confirm: () => {
      if (watch.changed) throw conditionalRequestConflict(r.key, condition.header);
    },
    end: () => watch.stop(),
  };
}
