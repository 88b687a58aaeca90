import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalAwsContext } from '../context';
import { AwsError } from '../http/aws-error';
import { bucketArn, objectArn, requireAllowed } from './access';
import { authenticateS3Request, type AuthenticatedRequest } from './auth/authenticate';
import { internalError, invalidUri, keyTooLong, noSuchBucket } from './errors';
import { ConnectionDropped } from './faults';
import { header, type S3LogFields, type S3Request } from './request';
import { newRequestId, sendS3Error } from './respond';
import { resolveOperation, type Permission } from './routing';
import { bucketStorage } from './storage/bucket-storage';

const MAX_KEY_BYTES = 1024;

/**
 * Splits a path-style request target into bucket and key. The raw target is used, not a parsed URL,
 * because URL parsing would resolve "." and ".." segments that are legitimate parts of S3 keys.
 */
function parseTarget(rawTarget: string): { bucket: string; key: string; query: URLSearchParams } {
  const queryStart = rawTarget.indexOf('?');
  const path = queryStart < 0 ? rawTarget : rawTarget.slice(0, queryStart);
  const query = new URLSearchParams(queryStart < 0 ? '' : rawTarget.slice(queryStart + 1));
  const withoutSlash = path.startsWith('/') ? path.slice(1) : path;
  const slash = withoutSlash.indexOf('/');
  const rawBucket = slash < 0 ? withoutSlash : withoutSlash.slice(0, slash);
  const rawKey = slash < 0 ? '' : withoutSlash.slice(slash + 1);
  try {
    return { bucket: decodeURIComponent(rawBucket), key: decodeURIComponent(rawKey), query };
  } catch {
    throw invalidUri(path);
  }
}

function resourceFor(permission: Permission, bucket: string, key: string): string {
  if (permission.on === 'account') return '*';
  return permission.on === 'bucket' ? bucketArn(bucket) : objectArn(bucket, key);
}

/**
 * Serves one path-style S3 REST request: route, authenticate (SigV4 via s3/auth), check the bucket,
 * authorize against the caller's role, run the operation, and log it to requests.log. Every
 * failure is answered in S3's XML error shape (or bare, for HEAD).
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
    const { bucket, key, query } = parseTarget(req.url ?? '/');
    if (bucket) log.bucket = bucket;
    if (key) log.key = key;
    // Logged even when the request fails before its handler runs: resume tests count attempts.
    const uploadId = query.get('uploadId');
    const partNumber = Number(query.get('partNumber') ?? 'NaN');
    if (uploadId) log.uploadId = uploadId;
    if (Number.isInteger(partNumber)) log.partNumber = partNumber;
    const operation = resolveOperation(
      method,
      bucket,
      key,
      query,
      header(req, 'x-amz-copy-source') !== undefined,
    );
    if (!(operation instanceof AwsError)) log.action = operation.name;
    auth = await authenticateS3Request(ctx, req, new URL(req.url ?? '/', ctx.endpoint));
    if (operation instanceof AwsError) throw operation;
    const keyBytes = Buffer.byteLength(key);
    if (keyBytes > MAX_KEY_BYTES) throw keyTooLong(keyBytes);

    const r: S3Request = { ctx, req, res, query, bucket, key, requestId, auth, log };
    if (operation.scope === 'service') {
      requireAllowed(r, operation.permission.action, '*');
      await operation.handle(r);
    } else {
      const storage = bucketStorage(ctx, bucket);
      if (!storage) throw noSuchBucket(bucket);
      const { permission } = operation;
      if (permission) {
        requireAllowed(
          r,
          permission.action,
          resourceFor(permission, bucket, key),
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
