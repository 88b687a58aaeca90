import { DeleteObjectCommand, DeleteObjectsCommand } from '@aws-sdk/client-s3';
import { fromS3Code, LibraryError, toLibraryError, type S3ErrorContext } from './errors';
import { keyRefusal } from './key-guard';
import { findLocation, type ResolvedLocation } from './locations';
import type { LibraryS3 } from './s3-access';

/** S3 deletes at most this many keys per DeleteObjects request. */
export const DELETE_BATCH_SIZE = 1000;

/** What deleting needs: S3 and the resolved locations. */
export interface DeleteDeps {
  s3: LibraryS3;
  locations: readonly ResolvedLocation[];
  region: string;
  identityId: string;
}

/** Keys to delete from one location. */
export interface DeleteRequest {
  location: string;
  /** Full S3 keys, as LibraryObjectView.key has them. */
  keys: readonly string[];
  /** Keys handled so far (deleted or failed), after each request to S3. */
  onProgress?: (done: number, total: number) => void;
}

/** A key S3 (or Hakobu) did not delete, with a code for translation and English words. */
export interface DeleteFailure {
  key: string;
  code: string;
  message: string;
}

/** Which keys are gone and which are not. */
export interface DeleteResult {
  deleted: string[];
  failed: DeleteFailure[];
}

// XML 1.0 cannot carry these characters even as references, so DeleteObjects (an XML body)
// cannot name such keys; DeleteObject puts the key in the URL and can. Tab, LF and CR are fine.
const notInXml = (key: string) =>
  [...key].some((c) => {
    const code = c.charCodeAt(0);
    return (
      (code < 0x20 && c !== '\t' && c !== '\n' && c !== '\r') || code === 0xfffe || code === 0xffff
    );
  });

const failure = (key: string, error: LibraryError): DeleteFailure => ({
  key,
  code: error.code,
  message: error.message,
});

function readOnly(location: ResolvedLocation): LibraryError {
  return new LibraryError(
    'library.readOnlyLocation',
    `"${location.name}" is a read-only location: Hakobu does not delete files there. Ask your administrator if you need them removed.`,
    { location: location.name },
  );
}

async function deleteBatch(
  deps: DeleteDeps,
  location: ResolvedLocation,
  keys: readonly string[],
  result: DeleteResult,
): Promise<void> {
  const context = (key?: string): S3ErrorContext => ({
    bucket: location.bucket,
    ...(key === undefined ? {} : { key }),
    region: deps.region,
    identityId: deps.identityId,
  });
  try {
    const response = await deps.s3.send(location.s3Bucket, (client) =>
      client.send(
        new DeleteObjectsCommand({
          Bucket: location.s3Bucket,
          // Quiet: S3 reports only the keys it could not delete.
          Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true },
        }),
      ),
    );
    const failed = new Map<string, string>();
    for (const error of response.Errors ?? []) {
      if (error.Key !== undefined) failed.set(error.Key, error.Code ?? 'InternalError');
    }
    for (const key of keys) {
      const code = failed.get(key);
      if (code === undefined) result.deleted.push(key);
      else result.failed.push(failure(key, fromS3Code(code, context(key))));
    }
  } catch (error) {
    const whole = toLibraryError(error, context());
    for (const key of keys) result.failed.push(failure(key, whole));
  }
}

async function deleteOne(
  deps: DeleteDeps,
  location: ResolvedLocation,
  key: string,
  result: DeleteResult,
): Promise<void> {
  try {
    await deps.s3.send(location.s3Bucket, (client) =>
      client.send(new DeleteObjectCommand({ Bucket: location.s3Bucket, Key: key })),
    );
    result.deleted.push(key);
  } catch (error) {
    result.failed.push(
      failure(
        key,
        toLibraryError(error, {
          bucket: location.bucket,
          key,
          region: deps.region,
          identityId: deps.identityId,
        }),
      ),
    );
  }
}

/**
 * Deletes objects from a readwrite location, in DeleteObjects batches of at most 1,000 keys.
 * A read location is refused as a whole; a key outside the location's prefix or with a "." or
 * ".." segment, or one S3 would not delete, is reported on its own while the others go ahead.
 */
export async function deleteObjects(
  deps: DeleteDeps,
  request: DeleteRequest,
): Promise<DeleteResult> {
  const location = findLocation(deps.locations, request.location);
  if (location.access !== 'readwrite') throw readOnly(location);
  const keys = [...new Set(request.keys)];
  const result: DeleteResult = { deleted: [], failed: [] };
  const inside = keys.filter((key) => {
    const refusal = keyRefusal(location, key);
    if (refusal) result.failed.push(failure(key, refusal));
    return !refusal;
  });
  const report = () =>
    request.onProgress?.(result.deleted.length + result.failed.length, keys.length);
  for (const key of inside.filter((k) => notInXml(k))) {
    await deleteOne(deps, location, key, result);
    report();
  }
  const batchable = inside.filter((key) => !notInXml(key));
  for (let start = 0; start < batchable.length; start += DELETE_BATCH_SIZE) {
    await deleteBatch(deps, location, batchable.slice(start, start + DELETE_BATCH_SIZE), result);
    report();
  }
  return result;
}
