import { LibraryError } from './errors';
import { hasDotSegment, isKeyInside } from './keys';
import { outsideLocation, type ResolvedLocation } from './locations';

/**
 * Why Hakobu will not download or delete a key from a location, or undefined when it may: the
 * key must lie strictly below the prefix and have no "." or ".." segment after it, the rule
 * hakobu-media URLs follow. Control characters and empty segments stay allowed: such keys
 * exist, the library lists them, and S3 names them exactly.
 */
export function keyRefusal(location: ResolvedLocation, key: string): LibraryError | undefined {
  if (!isKeyInside(location.prefix, key)) return outsideLocation(location, key);
  if (!hasDotSegment(key.slice(location.prefix.length))) return undefined;
  // The code of a key outside the location: a ".." may resolve to one, and the UI translates it.
  return new LibraryError(
    'library.outsideLocation',
    `${key} has a "." or ".." segment, which could name an object outside the location "${location.name}", so Hakobu does not download or delete it. Rename it with another S3 tool if you need it.`,
    { key, location: location.name },
  );
}
