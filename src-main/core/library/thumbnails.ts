import type { Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import type { Logger } from '../log/logger';
import { LibraryError, s3ErrorCode } from './errors';
import { isImageContentType, isImageName, objectName } from './keys';
import type { LibraryS3 } from './s3-access';
import { DEFAULT_THUMBNAIL_CACHE_BYTES, ThumbnailCache } from './thumbnail-cache';
import { createForkedThumbnailRenderer } from './thumbnail-worker/fork';
import { ThumbnailRenderError, type ThumbnailRenderer } from './thumbnail-worker/renderer';
import { SharedJob } from './thumbnail-worker/shared-job';

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
  /**
   * Where images are decoded: never this process. Electron passes its utilityProcess renderer;
   * without one, the library starts Node child processes of its own and stops them on dispose.
   */
  renderer?: ThumbnailRenderer;
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

function failed(key: string, cause: ThumbnailRenderError): LibraryError {
  const why =
    cause.reason === 'busy'
      ? 'too many previews are being drawn; retry in a moment'
      : "the image could not be read safely within Hakobu's limits";
  return new LibraryError(
    'library.thumbnailFailed',
    `Hakobu could not draw a preview of ${objectName(key)}: ${why}. Download it to view it.`,
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

/**
 * Thumbnails of S3 images, cached on disk per object version. The version is learned with a HEAD
 * request, so a cache hit costs no download; concurrent requests for one thumbnail share one
 * download and one decode, which happens in a helper process (ThumbnailRenderer), never here.
 */
export class Thumbnailer {
  private readonly cache: ThumbnailCache;
  private readonly inFlight = new Map<string, SharedJob<Buffer>>();
  private readonly maxInputPixels: number;
  private readonly maxSourceBytes: number;
  private readonly renderer: ThumbnailRenderer;
  private readonly ownsRenderer: boolean;

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
    this.ownsRenderer = !options.renderer;
    this.renderer = options.renderer ?? createForkedThumbnailRenderer();
  }

  /**
   * The WebP thumbnail of an object; S3 and decoding errors are thrown as they come. Aborting
   * `signal` rejects with its reason; the download and decode stop once no requester is left.
   */
  async thumbnail(source: ThumbnailSource, signal?: AbortSignal): Promise<Buffer> {
    // A request dropped before it got here costs not even the HEAD.
    signal?.throwIfAborted();
    const head = await this.s3.send(source.s3Bucket, (client) =>
      client.send(
        new HeadObjectCommand({ Bucket: source.s3Bucket, Key: source.key }),
        signal ? { abortSignal: signal } : {},
      ),
    );
    const etag = head.ETag ?? '';
    if (!isImageName(objectName(source.key)) && !isImageContentType(head.ContentType)) {
      throw unsupported(source.key);
    }
    if ((head.ContentLength ?? 0) > this.maxSourceBytes) throw tooLarge(source.key);
    const name = ThumbnailCache.fileName(source.s3Bucket, source.key, etag);
    const cached = await this.cache.read(name);
    if (cached) return cached;
    let shared = this.inFlight.get(name);
    if (!shared || shared.abandoned) {
      const job = new SharedJob((jobSignal) => this.generate(source, etag, name, jobSignal));
      void job.settled().then(() => {
        if (this.inFlight.get(name) === job) this.inFlight.delete(name);
      });
      this.inFlight.set(name, job);
      shared = job;
    }
    return shared.join(signal);
  }

  /** Starts the thumbnail helpers ahead of the first request (see ThumbnailRenderer.warmUp). */
  warmUp(): void {
    this.renderer.warmUp?.();
  }

  /** Stops the helpers this thumbnailer started (a renderer it was given is its owner's). */
  async close(): Promise<void> {
    if (this.ownsRenderer) await this.renderer.close();
  }

  private async download(source: ThumbnailSource, etag: string, signal: AbortSignal) {
    const object = await this.s3
      .send(source.s3Bucket, (client) =>
        client.send(
          // If-Match: draw exactly the version the cache file is named after.
          new GetObjectCommand({ Bucket: source.s3Bucket, Key: source.key, IfMatch: etag }),
          { abortSignal: signal },
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
    return body;
  }

  private async generate(
    source: ThumbnailSource,
    etag: string,
    name: string,
    signal: AbortSignal,
  ): Promise<Buffer> {
    let bytes: Buffer;
    try {
      // The download starts only once a helper is free to draw it.
      bytes = await this.renderer.render(() => this.download(source, etag, signal), {
        size: THUMBNAIL_SIZE,
        maxInputPixels: this.maxInputPixels,
        maxInputBytes: this.maxSourceBytes,
        signal,
      });
    } catch (error) {
      if (!(error instanceof ThumbnailRenderError)) throw error;
      if (error.reason === 'cancelled') throw signal.aborted ? signal.reason : error;
      // A helper that crashed or hung on a file is worth a line in the log; a bad file is not.
      const helperFailed = error.reason === 'crashed' || error.reason === 'timedOut';
      this.log[helperFailed ? 'warn' : 'debug'](`no thumbnail: ${error.reason}: ${error.message}`);
      if (error.reason === 'tooLarge') throw tooLarge(source.key, error);
      if (error.reason === 'unsupported') throw unsupported(source.key, error);
      throw failed(source.key, error);
    }
    await this.cache.write(name, bytes).catch((error: unknown) => {
      // A full or read-only disk costs only the cache; the thumbnail is still shown.
      this.log.warn(`could not cache a thumbnail: ${String(error)}`);
    });
    return bytes;
  }
}
