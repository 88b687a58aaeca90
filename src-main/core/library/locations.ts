import type { LocationView } from '../../contract/views';
import { IDENTITY_ID_VARIABLE } from '../config';
import { LibraryError } from './errors';
import type { LibraryConfig } from './types';

/** A configured location with its prefix filled in and the Bucket parameter the SDK is given. */
export interface ResolvedLocation extends LocationView {
  /**
   * What requests pass as Bucket: the bucket name, or the access-point ARN as configured, which
   * the SDK turns into the access point's host name (see s3-addressing).
   */
  s3Bucket: string;
}

// The Identity Pool identity ID looks like "ap-northeast-1:1f0c…". Anything else (an empty string,
// a user-pool sub, a name) would put keys where the IAM policy forbids them (pitfall S10).
const IDENTITY_ID = /^[a-z]{2}(-[a-z]+)+-\d:[0-9a-f-]{36}$/;

/** Fills `${identityId}` into a prefix template. */
export function resolvePrefix(template: string, identityId: string): string {
  return template.split(IDENTITY_ID_VARIABLE).join(identityId);
}

/** Resolves every configured location for one identity, in configuration order. */
export function resolveLocations(config: LibraryConfig, identityId: string): ResolvedLocation[] {
  if (!IDENTITY_ID.test(identityId)) {
    throw new LibraryError(
      'library.noIdentity',
      'Hakobu does not know your Identity Pool identity yet, so it cannot tell where your files are. Sign in again.',
    );
  }
  return config.locations.map((location) => ({
    name: location.name,
    bucket: location.bucket,
    prefix: resolvePrefix(location.prefix, identityId),
    access: location.access,
    s3Bucket: location.bucket,
  }));
}

/** The view of a location the renderer shows (no SDK details). */
export function toLocationView(location: ResolvedLocation): LocationView {
  return {
    name: location.name,
    bucket: location.bucket,
    prefix: location.prefix,
    access: location.access,
  };
}

/** Finds a location by name, or fails with an error that names it. */
export function findLocation(
  locations: readonly ResolvedLocation[],
  name: string,
): ResolvedLocation {
  const found = locations.find((location) => location.name === name);
  if (!found) {
    throw new LibraryError(
      'library.unknownLocation',
      `There is no location named "${name}" in the Hakobu configuration. Refresh the window; if it persists, ask your administrator.`,
      { location: name },
    );
  }
  return found;
}

/** The error for a key that is not below the location's prefix. */
export function outsideLocation(location: ResolvedLocation, key: string): LibraryError {
  return new LibraryError(
    'library.outsideLocation',
    `${key} is not inside the location "${location.name}" (${location.prefix}). Refresh the folder and try again.`,
    { key, location: location.name },
  );
}
