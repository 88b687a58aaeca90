import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { LibraryError } from './errors';
import { decodeS3Url, objectName } from './keys';
import type { ResolvedLocation } from './locations';
import type { LibraryS3 } from './s3-access';

/** The error for a key that does not exist (or no longer does). */
export function notFound(key: string): LibraryError {
  return new LibraryError(
    'library.notFound',
    `${objectName(key) || key} is no longer there. Refresh the folder to see its current contents.`,
    { key },
  );
}

/**
 * S3 answers 403, not 404, for a missing key when the role may not list the whole bucket, which
 * is the usual per-identity policy. Listing the key's own prefix (which that policy allows) tells
 * the two apart, so a deleted file reads as "not found", not as a permissions problem.
 */
export async function missingOrDenied(
  s3: LibraryS3,
  location: ResolvedLocation,
  key: string,
  denied: LibraryError,
): Promise<LibraryError> {
  try {
    const listing = await s3.send(location.s3Bucket, (client) =>
      client.send(
        new ListObjectsV2Command({
          Bucket: location.s3Bucket,
          Prefix: key,
          MaxKeys: 1,
          EncodingType: 'url',
        }),
      ),
    );
    const first = listing.Contents?.[0]?.Key;
    return first !== undefined && decodeS3Url(first) === key ? denied : notFound(key);
  } catch {
    return denied;
  }
}
