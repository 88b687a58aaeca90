import { IDENTITY_ID_VARIABLE } from '../config';
import { TransferError } from './errors';

/** S3's limit on a key, in UTF-8 bytes, prefix included. */
export const MAX_KEY_BYTES = 1024;

// C0 and C1 control characters and DEL: S3 accepts some of them, but they break XML listings
// and most tools that show keys, so they are refused before any request.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/u;

/** Resolves a location's prefix template (`${identityId}/`) for one identity. */
export function resolvePrefix(template: string, identityId: string): string {
  const prefix = template.split(IDENTITY_ID_VARIABLE).join(identityId);
  return prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`;
}

/** Turns an OS relative path into key segments: '/' separators and NFC (macOS hands out NFD). */
export function normalizeRelativePath(relativePath: string): string {
  return relativePath
    .normalize('NFC')
    .split(/[\\/]+/u)
    .filter((segment) => segment !== '' && segment !== '.')
    .join('/');
}

/** Throws a per-file TransferError when S3 would refuse the key or listings would garble it. */
export function validateKey(key: string): void {
  const bytes = Buffer.byteLength(key, 'utf8');
  if (bytes > MAX_KEY_BYTES) {
    throw new TransferError(
      'transfer.keyTooLong',
      `The name and folders of this file make an S3 key of ${bytes} bytes; S3 allows ${MAX_KEY_BYTES}. Shorten the file or folder names.`,
      { bytes, limit: MAX_KEY_BYTES },
    );
  }
  if (CONTROL_CHARS.test(key)) {
    throw new TransferError(
      'transfer.keyControlChars',
      'The file or folder name contains control characters (such as a tab or line break). Rename it, then add it again.',
    );
  }
  if (key.split('/').some((segment) => segment === '..')) {
    throw new TransferError('transfer.keyInvalid', 'A key may not contain a ".." folder.');
  }
}

/** Builds and validates `<prefix><folder>/<relative path>` for one file. */
export function buildKey(prefix: string, relativePath: string, folder = ''): string {
  const rel = normalizeRelativePath(relativePath);
  const dir = normalizeRelativePath(folder);
  const key = `${prefix}${dir ? `${dir}/` : ''}${rel}`;
  validateKey(key);
  return key;
}

/** `photo.jpg` → `photo (n).jpg`, keeping the folder; names without an extension get the suffix. */
export function renamedKey(key: string, n: number): string {
  const slash = key.lastIndexOf('/');
  const dir = key.slice(0, slash + 1);
  const name = key.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  return `${dir}${stem} (${n})${ext}`;
}
