import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalAwsContext } from '../context';
import { AwsError } from '../http/aws-error';
import { anObject, requireAllowed, theBucket, type S3Resource } from './access';
import {
  accessPointAddress,
  accessPointByAlias,
  findAccessPoint,
  type AccessPointAddress,
} from './access-points/address';
import { authenticateS3Request, type AuthenticatedRequest } from './auth/authenticate';
import { internalError, invalidUri, keyTooLong, noSuchBucket } from './errors';
import { ConnectionDropped } from './faults';
import { header, type S3LogFields, type S3Request } from './request';
import { newRequestId, sendS3Error } from './respond';
import { resolveOperation, type Permission } from './routing';
import { bucketStorage } from './storage/bucket-storage';

const MAX_KEY_BYTES = 1024;

interface Target {
  /** The bucket named in the path; '' when the Host names an access point, or for ListBuckets. */
  bucket: string;
  key: string;
  query: URLSearchParams;
  accessPoint?: AccessPointAddress;
}

/**
 * Splits a request target into bucket and key: path-style (`/bucket/key`), or, when the Host
 * names an access point, all of the path is the key. The raw target is used, not a parsed URL,
 * because URL parsing would resolve "." and ".." segments that are legitimate parts of S3 keys.
 */
function parseTarget(rawTarget: string, host: string | undefined): Target {
  const queryStart = rawTarget.indexOf('?');
  const path = queryStart < 0 ? rawTarget : rawTarget.slice(0, queryStart);
  const query = new URLSearchParams(queryStart < 0 ? '' : rawTarget.slice(queryStart + 1));
  const withoutSlash = path.startsWith('/') ? path.slice(1) : path;
  const accessPoint = accessPointAddress(host);
  const slash = accessPoint ? -1 : withoutSlash.indexOf('/');
  const rawBucket = accessPoint || slash < 0 ? withoutSlash : withoutSlash.slice(0, slash);
  const rawKey = accessPoint ? withoutSlash : slash < 0 ? '' : withoutSlash.slice(slash + 1);
  try {
    return accessPoint
      ? { bucket: '', key: decodeURIComponent(rawKey), query, accessPoint }
      : { bucket: decodeURIComponent(rawBucket), key: decodeURIComponent(rawKey), query };
  } catch {
    throw invalidUri(path);
  }
}

function resourceFor(permission: Permission, key: string): S3Resource {
  if (permission.on === 'account') return { on: 'account' };
  return permission.on === 'bucket' ? theBucket : anObject(key);
}

/**
 * Serves one S3 REST request, path-style or through an access point: route, authenticate (SigV4
 * via s3/auth), find the access point and the bucket, authorize as S3 does (see access.ts), run
 * the operation, and log it to requests.log. Every failure is answered in S3's XML error shape
 * (or bare, for HEAD).
 */
export async function serveS3(
  ctx: LocalAwsContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const requestId = newRequestId();
  const method = req.method ?? 'GET';
  const log: S3LogFields = { action: 'Unknown' };
  let dropped = false;
  let code: string | undefined;
  let auth: AuthenticatedRequest | undefined;
  try {
    const target = parseTarget(req.url ?? '/', header(req, 'host'));
    const { key, query } = target;
    if (target.bucket) log.bucket = target.bucket;
    if (target.accessPoint) log.accessPoint = target.accessPoint.name;
    if (key) log.key = key;
    // Logged even when the request fails before its handler runs: resume tests count attempts.
    const uploadId = query.get('uploadId');
    const partNumber = Number(query.get('partNumber') ?? 'NaN');
    if (uploadId) log.uploadId = uploadId;
    if (Number.isInteger(partNumber)) log.partNumber = partNumber;
    const operation = resolveOperation(
      method,
      target.accessPoint?.name ?? target.bucket,
      key,
      query,
      header(req, 'x-amz-copy-source') !== undefined,
    );
    if (!(operation instanceof AwsError)) log.action = operation.name;
    auth = await authenticateS3Request(ctx, req, new URL(req.url ?? '/', ctx.endpoint));
    if (operation instanceof AwsError) throw operation;
    const keyBytes = Buffer.byteLength(key);
    if (keyBytes > MAX_KEY_BYTES) throw keyTooLong(keyBytes);

    const accessPoint = target.accessPoint
      ? findAccessPoint(ctx, target.accessPoint)
      : accessPointByAlias(ctx, target.bucket);
    if (accessPoint) log.accessPoint = accessPoint.name;
    const bucket = accessPoint?.bucket ?? target.bucket;
    if (accessPoint) log.bucket = bucket;
    const r: S3Request = {
      ...{ ctx, req, res, query, bucket, key, requestId, auth, log },
      ...(accessPoint ? { accessPoint } : {}),
    };
    if (operation.scope === 'service') {
      requireAllowed(r, operation.permission.action, { on: 'account' });
      await operation.handle(r);
    } else {
      const storage = bucketStorage(ctx, bucket);
      if (!storage) throw noSuchBucket(bucket);
      const { permission } = operation;
      if (permission) {
        requireAllowed(
          r,
          permission.action,
          resourceFor(permission, key),
          permission.context?.(query),
        );
      }
      await operation.handle({ ...r, storage });
    }
  } catch (error) {
    if (error instanceof ConnectionDropped || req.socket.destroyed) {
      dropped = true;
      res.destroy();
    } else {
      const s3Error = error instanceof AwsError ? error : internalError();
      if (!(error instanceof AwsError)) {
        ctx.log({
          service: 's3',
          internalError: error instanceof Error ? error.stack : String(error),
        });
      }
      code = s3Error.code;
      sendS3Error(res, method, requestId, s3Error);
      // A refused upload's body is still arriving: read it off so the connection stays usable.
      if (auth && !auth.payload.readableEnded) {
        auth.payload.on('error', () => undefined);
        auth.payload.resume();
      }
    }
  }
  ctx.log({
    service: 's3',
    ...log,
    status: dropped ? 0 : res.statusCode,
    ...(code ? { code } : {}),
    requestId,
  });
}
