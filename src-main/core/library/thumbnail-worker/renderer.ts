import type { Readable } from 'node:stream';

/**
 * The bytes of an image to draw: in memory, a stream, or a function that opens one. A function is
 * called only once a helper is free, so a request cancelled while queued downloads nothing.
 */
export type ThumbnailInput = Uint8Array | Readable | (() => Promise<Uint8Array | Readable>);

/** How to draw one thumbnail, and the bounds the source must stay within. */
export interface RenderOptions {
  /** The longest side of the thumbnail, in pixels. */
  size: number;
  /** Decoded pixels the source may have; more fails as 'tooLarge' before decoding (bombs). */
  maxInputPixels: number;
  /** Bytes the source may have; more fails as 'tooLarge' without reading the rest. */
  maxInputBytes?: number;
  /** Aborting drops a queued job before its input is opened, and abandons a running one. */
  signal?: AbortSignal;
}

/**
 * Draws WebP thumbnails of untrusted images somewhere other than the calling process, so that a
 * hostile file can crash or hang only a helper. Failures are ThumbnailRenderError, except that
 * an input that fails to open or read rejects with its own error.
 */
export interface ThumbnailRenderer {
  /** A ~`size` px WebP of the image: EXIF orientation applied, never enlarged. */
  render(input: ThumbnailInput, options: RenderOptions): Promise<Buffer>;
  /** Stops every helper; waiting and running jobs fail as 'cancelled'. */
  close(): Promise<void>;
  /**
   * Starts the helpers now, ahead of the first job, so the first thumbnails do not wait while a
   * helper loads its decoder (a third of a second each). Unused helpers stop when idle.
   */
  warmUp?(): void;
}

/**
 * Why a thumbnail was not drawn. 'unsupported': not an image the helper can decode; 'tooLarge':
 * over a pixel or byte bound; 'crashed': the helper died drawing it (or could not start);
 * 'timedOut': it took too long and was killed; 'busy': too many jobs wait already; 'cancelled':
 * the requester went away or the renderer was closed.
 */
export type RenderFailure =
  'unsupported' | 'tooLarge' | 'crashed' | 'timedOut' | 'busy' | 'cancelled';

/** A thumbnail the renderer could not draw, with the reason a caller can map to a response. */
export class ThumbnailRenderError extends Error {
  constructor(
    readonly reason: RenderFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ThumbnailRenderError';
  }
}
