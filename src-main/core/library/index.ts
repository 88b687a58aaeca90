// The library module's public surface: listing, thumbnails, media, download and delete.
export { createLibrary, type Library, type LibraryServiceOptions } from './library';
export type { LibraryConfig, LibraryOptions, MediaUrlBuilder } from './types';
export { LibraryError } from './errors';
export type { ListRequest } from './list';
export type { DownloadRequest } from './download';
export {
  DELETE_BATCH_SIZE,
  type DeleteRequest,
  type DeleteResult,
  type DeleteFailure,
} from './delete';
export {
  DEFAULT_MAX_INPUT_PIXELS,
  DEFAULT_MAX_SOURCE_BYTES,
  THUMBNAIL_SIZE,
  type ThumbnailOptions,
} from './thumbnails';
export { DEFAULT_THUMBNAIL_CACHE_BYTES } from './thumbnail-cache';
export type { ThumbnailRenderer } from './thumbnail-worker/renderer';
export { resolveLocations, resolvePrefix, type ResolvedLocation } from './locations';
export {
  MEDIA_SCHEME,
  mediaUrl,
  parseMediaUrl,
  handleMediaRequest,
  type MediaKind,
  type MediaRequest,
  type MediaServer,
} from './media-url';
