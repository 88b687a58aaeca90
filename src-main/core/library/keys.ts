// Object keys as the library sees them: a location's resolved prefix followed by a path made of
// '/'-separated segments. S3 itself never interprets "..", but every path that comes from the
// renderer is held to the same rules as hakobu-media URLs, so no spelling of a key escapes a prefix.

const IMAGE_EXTENSIONS = new Set([
  'jpg',
  'jpeg',
  'png',
  'gif',
  'webp',
  'avif',
  'heic',
  'heif',
  'tif',
  'tiff',
  'bmp',
]);

const isControl = (c: string) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f;

/** True when a string holds a C0 control character or DEL. */
export function hasControlChar(s: string): boolean {
  return [...s].some(isControl);
}

/** Replaces every C0 control character and DEL. */
export function replaceControlChars(s: string, replacement: string): string {
  return [...s].map((c) => (isControl(c) ? replacement : c)).join('');
}

/** Decodes a value S3 returned with EncodingType=url (percent-encoding, space written as "+"). */
export function decodeS3Url(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, ' '));
}

/** The last segment of a key: the file name a user sees ("" for a folder marker ending in "/"). */
export function objectName(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}

/** True when a file name's extension is one of the image formats the library shows as pictures. */
export function isImageName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && IMAGE_EXTENSIONS.has(name.slice(dot + 1).toLowerCase());
}

/** True for an S3 Content-Type that names an image. */
export function isImageContentType(contentType: string | undefined): boolean {
  return contentType !== undefined && /^image\//i.test(contentType.trim());
}

/**
 * True when a path below a prefix is one a media URL can name: non-empty segments, no "." or "..",
 * no backslash, no control characters.
 */
export function isSafeRelativePath(relativePath: string): boolean {
  if (relativePath === '' || hasControlChar(relativePath) || relativePath.includes('\\')) {
    return false;
  }
  return relativePath.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

/** True when a key names an object strictly below a prefix (the prefix itself is not inside). */
export function isKeyInside(prefix: string, key: string): boolean {
  return key.length > prefix.length && key.startsWith(prefix);
}

/**
 * True when a path has a "." or ".." segment, with "/" or "\\" as the separator: a proxy or SDK
 * on the way to S3 may resolve it, so `<prefix>a/../../other/x` could name another user's object.
 */
export function hasDotSegment(relativePath: string): boolean {
  return relativePath.split(/[/\\]/).some((s) => s === '.' || s === '..');
}

/**
 * Normalizes a folder path for listing: "" for the root, else ending in "/". Refuses "." and ".."
 * segments, which proxies on the way to S3 may resolve; empty segments ("a//b/") stay allowed,
 * since such keys exist and S3 lists them as folders.
 */
export function normalizeFolderPath(path: string): string | undefined {
  if (path === '') return '';
  if (path.split('/').some((s) => s === '.' || s === '..')) return undefined;
  return path.endsWith('/') ? path : `${path}/`;
}
