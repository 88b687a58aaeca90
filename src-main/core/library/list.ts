import { ListObjectsV2Command, type _Object } from '@aws-sdk/client-s3';
import type { LibraryObjectView, LibraryPage } from '../../contract/views';
import { LibraryError, toLibraryError } from './errors';
import {
  decodeS3Url,
  isImageName,
  isKeyInside,
  isSafeRelativePath,
  normalizeFolderPath,
  objectName,
} from './keys';
import { findLocation, type ResolvedLocation } from './locations';
import type { LibraryS3 } from './s3-access';
import type { MediaUrlBuilder } from './types';

/** What listing needs: S3, the resolved locations, and how to write media URLs. */
export interface ListDeps {
  s3: LibraryS3;
  locations: readonly ResolvedLocation[];
  mediaUrl: MediaUrlBuilder;
  region: string;
  identityId: string;
}

/** One page of a folder listing, as the library.list channel asks for it. */
export interface ListRequest {
  location: string;
  /** Folder relative to the location's prefix: "" for its root, else e.g. "trip/day 1/". */
  path?: string;
  nextToken?: string;
  /** Page size; S3's maximum (and default) is 1,000. */
  maxKeys?: number;
}

function objectView(
  location: ResolvedLocation,
  object: _Object,
  key: string,
  mediaUrl: MediaUrlBuilder,
): LibraryObjectView {
  const name = objectName(key);
  const relativePath = key.slice(location.prefix.length);
  const isImage = isImageName(name);
  const view: LibraryObjectView = {
    key,
    name,
    size: object.Size ?? 0,
    lastModified: (object.LastModified ?? new Date(0)).toISOString(),
    isImage,
  };
  // ListObjectsV2 carries no Content-Type, so the extension decides. A key no media URL can name
  // (control characters, "..") is listed, but the renderer gets no URL to load it by.
  if (isImage && isSafeRelativePath(relativePath)) {
    view.thumbnailUrl = mediaUrl('thumb', location.name, relativePath);
    view.imageUrl = mediaUrl('image', location.name, relativePath);
  }
  return view;
}

/**
 * Lists one folder of a location: subfolders (S3 CommonPrefixes, relative to the location's
 * prefix, ending in "/") and the objects directly in it, a page at a time. Keys are requested
 * URL-encoded, since a control character in a key would otherwise make S3's XML unreadable.
 */
export async function listFolder(deps: ListDeps, request: ListRequest): Promise<LibraryPage> {
  const location = findLocation(deps.locations, request.location);
  const path = normalizeFolderPath(request.path ?? '');
  if (path === undefined) {
    throw new LibraryError(
      'library.badPath',
      `"${request.path ?? ''}" is not a folder Hakobu can open. Go back to the location's top folder.`,
      { path: request.path ?? '' },
    );
  }
  const folderPrefix = location.prefix + path;
  const response = await deps.s3
    .send(location.s3Bucket, (client) =>
      client.send(
        new ListObjectsV2Command({
          Bucket: location.s3Bucket,
          Prefix: folderPrefix,
          Delimiter: '/',
          EncodingType: 'url',
          ...(request.nextToken ? { ContinuationToken: request.nextToken } : {}),
          ...(request.maxKeys ? { MaxKeys: request.maxKeys } : {}),
        }),
      ),
    )
    .catch((error: unknown) => {
      throw toLibraryError(error, {
        bucket: location.bucket,
        key: folderPrefix,
        region: deps.region,
        identityId: deps.identityId,
      });
    });

  const folders = (response.CommonPrefixes ?? [])
    .map((common) => decodeS3Url(common.Prefix ?? ''))
    .filter((prefix) => isKeyInside(location.prefix, prefix))
    .map((prefix) => prefix.slice(location.prefix.length));
  const objects = (response.Contents ?? []).flatMap((object) => {
    const key = decodeS3Url(object.Key ?? '');
    // The folder's own marker object ("trip/") is the folder, not a file in it.
    if (!isKeyInside(folderPrefix, key)) return [];
    return [objectView(location, object, key, deps.mediaUrl)];
  });
  return {
    location: location.name,
    path,
    folders,
    objects,
    ...(response.IsTruncated && response.NextContinuationToken
      ? { nextToken: response.NextContinuationToken }
      : {}),
  };
}
