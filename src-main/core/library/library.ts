import type { LibraryPage, LocationView } from '../../contract/views';
import { silentLogger } from '../log/logger';
import { deleteObjects, type DeleteRequest, type DeleteResult } from './delete';
import { downloadObject, type DownloadRequest } from './download';
import { listFolder, type ListRequest } from './list';
import { resolveLocations, toLocationView } from './locations';
import { createMediaServer } from './media';
import { mediaUrl, type MediaServer } from './media-url';
import { LibraryS3 } from './s3-access';
import { Thumbnailer, type ThumbnailOptions } from './thumbnails';
import type { LibraryOptions, MediaUrlBuilder } from './types';

/** A session's library: everything needs the signed-in identity, so one is made per sign-in. */
export interface LibraryServiceOptions extends LibraryOptions {
  thumbnails: ThumbnailOptions;
  /** How listed objects' image URLs are written; hakobu-media:// (mediaUrl) unless given. */
  mediaUrl?: MediaUrlBuilder;
}

/** The image library of one signed-in identity. */
export interface Library {
  /** The configured locations with their real prefixes. */
  locations(): LocationView[];
  list(request: ListRequest): Promise<LibraryPage>;
  /** Saves an object into a folder and returns the saved file's path. */
  download(request: DownloadRequest): Promise<string>;
  delete(request: DeleteRequest): Promise<DeleteResult>;
  /** Answers hakobu-media:// (or the harness's /media/) requests for this identity. */
  media: MediaServer;
  /** Gets thumbnails ready to draw: a window is about to show this library's images. */
  prepareThumbnails(): void;
  /** Closes S3 connections and stops its thumbnail helpers; the library is unusable afterwards. */
  dispose(): void;
}

/** Creates the library for one identity: locations resolved once, one S3 client, one thumbnail cache. */
export function createLibrary(options: LibraryServiceOptions): Library {
  const log = (options.logger ?? silentLogger).child('library');
  const locations = resolveLocations(options.config, options.identityId);
  const s3 = new LibraryS3({
    config: options.config,
    credentials: options.credentials,
    forceRefresh: options.forceRefresh,
    log,
  });
  const base = {
    s3,
    locations,
    region: options.config.region,
    identityId: options.identityId,
  };
  const thumbnails = new Thumbnailer(s3, options.thumbnails, log);
  return {
    locations: () => locations.map(toLocationView),
    list: (request) => listFolder({ ...base, mediaUrl: options.mediaUrl ?? mediaUrl }, request),
    download: (request) => downloadObject(base, request),
    delete: (request) => deleteObjects(base, request),
    media: createMediaServer({ ...base, thumbnails, log }),
    prepareThumbnails: () => thumbnails.warmUp(),
    dispose: () => {
      s3.destroy();
      void thumbnails.close();
    },
  };
}
