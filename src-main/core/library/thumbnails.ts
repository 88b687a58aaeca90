import type { Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import type { Logger } from '../log/logger';
import { LibraryError, s3ErrorCode } from './errors';
import { isImageContentType, isImageName, objectName } from './keys';
import type { LibraryS3 } from './s3-access';
import { DEFAULT_THUMBNAIL_CACHE_BYTES, ThumbnailCache } from './thumbnail-cache';

/** The longest side of a thumbnail, in pixels. */
export const THUMBNAIL_SIZE = 256;
/** Larger sources are refused before decoding: about 16k × 12k, more than any camera makes. */
export const DEFAULT_MAX_INPUT_PIXELS = 200_000_000;
/** Larger source files are not downloaded just to draw a thumbnail. */
export const DEFAULT_MAX_SOURCE_BYTES = 256 * 1024 * 1024;

/** Where thumbnails are cached and how large a source may be. */
export interface ThumbnailOptions {
  /** A folder for the cache alone (files in it are evicted by the cache). */
  cacheDir: string;
  maxCacheBytes?: number;
  /** Decoded pixels a source may have; more fails cleanly (decompression bombs). */
  maxInputPixels?: number;
  maxSourceBytes?: number;
}

/** An object to draw a thumbnail of: the Bucket parameter of its location, and its key. */
export interface ThumbnailSource {
  s3Bucket: string;
  key: string;
}

function tooLarge(key: string, cause?: unknown): LibraryError {
  return new LibraryError(
    'library.thumbnailTooLarge',
    `${objectName(key)} is too large to preview. Download it to view it.`,
    { key },
    { cause },
  );
}

function unsupported(key: string, cause?: unknown): LibraryError {
  return new LibraryError(
    'library.thumbnailUnsupported',
    `Hakobu cannot preview ${objectName(key)}: it is not an image format Hakobu can read. Download it to view it.`,
    { key },
    { cause },
  );
}

/** The image could not be decoded (not an image, an unknown format, or over the pixel limit). */
export class ImageDecodeError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'ImageDecodeError';
    this.cause = cause;
  }
}

/**
 * Draws a ~256 px WebP of an image stream: EXIF orientation applied, never enlarged. The stream
 * is piped into sharp as it arrives; a failing source rejects with its own error, a failing
 * decode with ImageDecodeError.
 */
export async function renderThumbnail(source: Readable, maxInputPixels: number): Promise<Buffer> {
  const transformer = sharp({ limitInputPixels: maxInputPixels, sequentialRead: true })
    // autoOrient() is rotate() without an angle: it applies the EXIF orientation, then drops it.
    .autoOrient()
    .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 75 });
  let sourceError: unknown;
  source.once('error', (error) => {
    sourceError = error;
    transformer.destroy(error);
  });
  source.pipe(transformer);
  try {
    return await transformer.toBuffer();
  } catch (error) {
    throw sourceError ?? new ImageDecodeError(error);
  } finally {
    // On failure, stop the download instead of reading the rest of a file nobody will use.
    source.destroy();
  }
}

/**
 * Thumbnails of S3 images, cached on disk per object version. The version is learned with a HEAD
 * request, so a cache hit costs no download; concurrent requests for one thumbnail share one
 * download and one decode.
 */
export class Thumbnailer {
  private readonly cache: ThumbnailCache;
  private readonly inFlight = new Map<string, Promise<Buffer>>();
  private readonly maxInputPixels: number;
  private readonly maxSourceBytes: number;

  constructor(
    private readonly s3: LibraryS3,
    options: ThumbnailOptions,
    private readonly log: Logger,
  ) {
    this.cache = new ThumbnailCache(
      options.cacheDir,
      options.maxCacheBytes ?? DEFAULT_THUMBNAIL_CACHE_BYTES,
    );
    this.maxInputPixels = options.maxInputPixels ?? DEFAULT_MAX_INPUT_PIXELS;
    this.maxSourceBytes = options.maxSourceBytes ?? DEFAULT_MAX_SOURCE_BYTES;
  }

  /** The WebP thumbnail of an object; S3 and decoding errors are thrown as they come. */
  async thumbnail(source: ThumbnailSource): Promise<Buffer> {
    const head = await this.s3.send((client) =>
      client.send(new HeadObjectCommand({ Bucket: source.s3Bucket, Key: source.key })),
    );
    const etag = head.ETag ?? '';
    if (!isImageName(objectName(source.key)) && !isImageContentType(head.ContentType)) {
      throw unsupported(source.key);
    }
    if ((head.ContentLength ?? 0) > this.maxSourceBytes) throw tooLarge(source.key);
    const name = ThumbnailCache.fileName(source.s3Bucket, source.key, etag);
    const cached = await this.cache.read(name);
    if (cached) return cached;
    let pending = this.inFlight.get(name);
    if (!pending) {
      pending = this.generate(source, etag, name).finally(() => this.inFlight.delete(name));
      this.inFlight.set(name, pending);
    }
    return pending;
  }

  private async generate(source: ThumbnailSource, etag: string, name: string): Promise<Buffer> {
    const object = await this.s3
      .send((client) =>
        client.send(
          // If-Match: draw exactly the version the cache file is named after.
          new GetObjectCommand({ Bucket: source.s3Bucket, Key: source.key, IfMatch: etag }),
        ),
      )
      .catch((error: unknown) => {
        if (s3ErrorCode(error) !== 'PreconditionFailed') throw error;
        throw new LibraryError(
          'library.changed',
          `${objectName(source.key)} changed while its preview was drawn. Refresh the folder.`,
          { key: source.key },
        );
      });
    const body = object.Body as Readable | undefined;
    if (!body) throw unsupported(source.key);
    let bytes: Buffer;
    try {
      bytes = await renderThumbnail(body, this.maxInputPixels);
    } catch (error) {
      if (!(error instanceof ImageDecodeError)) throw error;
      this.log.debug(`no thumbnail for ${source.key}: ${error.message}`);
      throw /pixel limit/i.test(error.message)
        ? tooLarge(source.key, error)
        : unsupported(source.key, error);
    }
    await this.cache.write(name, bytes).catch((error: unknown) => {
      // A full or read-only disk costs only the cache; the thumbnail is still shown.
      this.log.warn(`could not cache a thumbnail: ${String(error)}`);
    });
    return bytes;
  }
}
