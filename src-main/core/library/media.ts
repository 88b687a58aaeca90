import type { Readable } from 'node:stream';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { Logger } from '../log/logger';
import { toLibraryError, type LibraryError } from './errors';
import { isKeyInside, isSafeRelativePath, objectName } from './keys';
import type { ResolvedLocation } from './locations';
import {
  inlineDisposition,
  MEDIA_SAFETY_HEADERS,
  mayServeAsImage,
  notAnImage,
  SNIFF_BYTES,
  sniffImageType,
} from './media-types';
import type { MediaRequest, MediaServer } from './media-url';
import { missingOrDenied, notFound } from './missing-or-denied';
import { readStreamHead } from './stream-head';
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

const STATUS_BY_CODE: Record<string, number> = {
  'library.notFound': 404,
  'library.unknownLocation': 404,
  'library.accessDenied': 403,
  'library.signInRequired': 401,
  'library.thumbnailTooLarge': 413,
  'library.thumbnailUnsupported': 415,
  'library.notAnImage': 415,
  'library.changed': 409,
};

function errorResponse(error: LibraryError): Response {
  return new Response(error.message, {
    status: STATUS_BY_CODE[error.code] ?? 502,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Hakobu-Error': error.code,
      ...MEDIA_SAFETY_HEADERS,
    },
  });
}

// 499 is nginx's "client closed request": the page went away before the answer was ready.
const dropped = () =>
  new Response(null, {
    status: 499,
    headers: { 'Cache-Control': 'no-store', ...MEDIA_SAFETY_HEADERS },
  });

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

/**
 * Streams an original as the raster type its own first bytes show. The key's extension gates the
 * GetObject; the Content-Type stored with the object is ignored, since it may say text/html.
 */
async function serveImage(
  deps: MediaServerDeps,
  location: ResolvedLocation,
  key: string,
  signal?: AbortSignal,
) {
  const refuse = () => {
    deps.log.warn(`media image for ${location.name} refused: library.notAnImage`);
    return errorResponse(notAnImage(key));
  };
  if (!mayServeAsImage(key)) return refuse();
  const object = await deps.s3.send(location.s3Bucket, (client) =>
    client.send(
      new GetObjectCommand({ Bucket: location.s3Bucket, Key: key }),
      signal ? { abortSignal: signal } : {},
    ),
  );
  const source = object.Body as (Readable & { transformToWebStream(): ReadableStream }) | undefined;
  const { head, body } = await readStreamHead(
    source ? source.transformToWebStream() : new ReadableStream(),
    SNIFF_BYTES,
  );
  const contentType = sniffImageType(head);
  if (!contentType) {
    await body.cancel();
    return refuse();
  }
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    'Content-Disposition': inlineDisposition(objectName(key)),
    'Cache-Control': CACHE_CONTROL,
    ...MEDIA_SAFETY_HEADERS,
  };
  if (object.ContentLength !== undefined) headers['Content-Length'] = String(object.ContentLength);
  if (object.ETag) headers.ETag = object.ETag;
  // The body streams through: a large original is never held in memory.
  return new Response(body, { status: 200, headers });
}

async function serveThumbnail(
  deps: MediaServerDeps,
  location: ResolvedLocation,
  key: string,
  signal?: AbortSignal,
) {
  const bytes = await deps.thumbnails.thumbnail({ s3Bucket: location.s3Bucket, key }, signal);
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      // sharp always writes WebP, whatever the source was (an SVG included).
      'Content-Type': 'image/webp',
      'Content-Disposition': inlineDisposition(),
      'Content-Length': String(bytes.length),
      'Cache-Control': CACHE_CONTROL,
      ...MEDIA_SAFETY_HEADERS,
    },
  });
}

/**
 * Creates the library's MediaServer: 'thumb' from the thumbnail cache (or S3 plus sharp), 'image'
 * streamed from S3 GetObject as a raster type main decides (415 for anything else). 404 for an
 * unknown location, a path outside the location, or a missing key; 403 when S3 denies access; an
 * expired session is refreshed once (LibraryS3).
 */
export function createMediaServer(deps: MediaServerDeps): MediaServer {
  return async (request) => {
    const target = resolveKey(deps.locations, request);
    if (!target) return errorResponse(notFound(request.relativePath));
    const { location, key } = target;
    try {
      return request.kind === 'thumb'
        ? await serveThumbnail(deps, location, key, request.signal)
        : await serveImage(deps, location, key, request.signal);
    } catch (error) {
      // Nobody reads this answer; a dropped request is not a failure worth a log line.
      if (request.signal?.aborted) return dropped();
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
