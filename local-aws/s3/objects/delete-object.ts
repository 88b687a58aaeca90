import { z } from 'zod';
import { anObject, isAllowed } from '../access';
import { malformedXml } from '../errors';
import { readVerifiedSmallBody } from '../integrity/small-body';
import type { BucketRequest } from '../request';
import { sendEmpty, sendXml } from '../respond';
import type { XmlChild } from '../xml';
import { parseXmlBody } from '../xml';

/** DeleteObject: 204 whether or not the key existed, as in S3. */
export async function deleteObject(r: BucketRequest): Promise<void> {
  await r.storage.objects.delete(r.key);
  sendEmpty(r, 204);
}

const DeleteRequest = z.object({
  Delete: z.object({
    Object: z
      .array(z.object({ Key: z.string(), VersionId: z.string().optional() }))
      .min(1)
      .max(1000),
    Quiet: z.enum(['true', 'false']).optional(),
  }),
});

/**
 * DeleteObjects: authorizes s3:DeleteObject per key (a denied key is reported in the result, not
 * fatal), deletes the rest, and in Quiet mode reports only the failures.
 */
export async function deleteObjects(r: BucketRequest): Promise<void> {
  const body = await readVerifiedSmallBody(r, { requireDigest: true });
  const { Delete } = parseXmlBody(body, DeleteRequest);
  const quiet = Delete.Quiet === 'true';
  const results: XmlChild[] = [];
  for (const { Key: key } of Delete.Object) {
    if (key === '') throw malformedXml();
    if (!isAllowed(r, 's3:DeleteObject', anObject(key))) {
      results.push([
        'Error',
        [
          ['Key', key],
          ['Code', 'AccessDenied'],
          ['Message', 'Access Denied'],
        ],
      ]);
      continue;
    }
    await r.storage.objects.delete(key);
    if (!quiet) results.push(['Deleted', [['Key', key]]]);
  }
  sendXml(r, 'DeleteResult', results);
}
