import type { Readable } from 'node:stream';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { Logger } from '../log/logger';
import { toLibraryError, type LibraryError } from './errors';
import { isKeyInside, isSafeRelativePath } from './keys';
import type { ResolvedLocation } from './locations';
import type { MediaRequest, MediaServer } from './media-url';
import { missingOrDenied, notFound } from './missing-or-denied';
import type { LibraryS3 } from './s3-access';
import type { Thumbnailer } from './thumbnails';

/** What the media server reads from: S3, the resolved locations, and the thumbnailer. */
export interface MediaServerDeps {
  s3: LibraryS3;
  locations: readonly ResolvedLocation[];
  thumbnails: Thumbnailer;
  region: string;
  identityId: string;
  log: Logger;
}

// Private: the bytes are the user's own. Short: the URL names the key, not the version, so an
// overwritten image must not be shown from the browser cache for long.
const CACHE_CONTROL = 'private, max-age=300';
// Whatever Content-Type an object claims (text/html, image/svg+xml), it is never a document here.
const SAFETY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; sandbox",
};

const STATUS_BY_CODE: Record<string, number> = {
  'library.notFound': 404,
  'library.unknownLocation': 404,
  'library.accessDenied': 403,
  'library.signInRequired': 401,
  'library.thumbnailTooLarge': 413,
  'library.thumbnailUnsupported': 415,
  'library.changed': 409,
};

function errorResponse(error: LibraryError): Response {
  return new Response(error.message, {
    status: STATUS_BY_CODE[error.code] ?? 502,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Hakobu-Error': error.code,
      ...SAFETY_HEADERS,
    },
  });
}

/**
 * The key a media request names, or undefined when it must not be served: an unknown location,
 * a path a media URL could not carry (re-checked here, since shells call the server directly),
 * or a key that would fall outside the location's resolved prefix.
 */
function resolveKey(
  locations: readonly ResolvedLocation[],
  request: MediaRequest,
): { location: ResolvedLocation; key: string } | undefined {
  const location = locations.find((candidate) => candidate.name === request.location);
  if (!location || !isSafeRelativePath(request.relativePath)) return undefined;
  const key = location.prefix + request.relativePath;
  return isKeyInside(location.prefix, key) ? { location, key } : undefined;
}

async function serveImage(deps: MediaServerDeps, location: ResolvedLocation, key: string) {
  const object = await deps.s3.send((client) =>
    client.send(new GetObjectCommand({ Bucket: location.s3Bucket, Key: key })),
  );
  const body = object.Body as (Readable & { transformToWebStream(): ReadableStream }) | undefined;
  const headers: Record<string, string> = {
    'Content-Type': object.ContentType ?? 'application/octet-stream',
    'Cache-Control': CACHE_CONTROL,
    ...SAFETY_HEADERS,
  };
  if (object.ContentLength !== undefined) headers['Content-Length'] = String(object.ContentLength);
  if (object.ETag) headers.ETag = object.ETag;
  // The body streams through: a large original is never held in memory.
  return new Response(body ? body.transformToWebStream() : null, { status: 200, headers });
}

async function serveThumbnail(deps: MediaServerDeps, location: ResolvedLocation, key: string) {
  const bytes = await deps.thumbnails.thumbnail({ s3Bucket: location.s3Bucket, key });
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      'Content-Type': 'image/webp',
      'Content-Length': String(bytes.length),
      'Cache-Control': CACHE_CONTROL,
      ...SAFETY_HEADERS,
    },
  });
}

/**
 * Creates the library's MediaServer: 'thumb' from the thumbnail cache (or S3 plus sharp), 'image'
 * streamed from S3 GetObject. 404 for an unknown location, a path outside the location, or a
 * missing key; 403 when S3 denies access; an expired session is refreshed once (LibraryS3).
 */
export function createMediaServer(deps: MediaServerDeps): MediaServer {
  return async (request) => {
    const target = resolveKey(deps.locations, request);
    if (!target) return errorResponse(notFound(request.relativePath));
    const { location, key } = target;
    try {
      return request.kind === 'thumb'
        ? await serveThumbnail(deps, location, key)
        : await serveImage(deps, location, key);
    } catch (error) {
      let failure = toLibraryError(error, {
        bucket: location.bucket,
        key,
        region: deps.region,
        identityId: deps.identityId,
      });
      if (failure.code === 'library.accessDenied') {
        failure = await missingOrDenied(deps.s3, location, key, failure);
      }
      if (failure.code !== 'library.notFound') {
        deps.log.warn(`media ${request.kind} for ${location.name} failed: ${failure.code}`);
      }
      return errorResponse(failure);
    }
  };
}
