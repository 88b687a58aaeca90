import { link, rename, stat, unlink } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { replaceControlChars } from './keys';

// Characters no file name may hold on Windows (the strictest of the three systems).
const FORBIDDEN = /[<>:"/\\|?*]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
const MAX_NAME_BYTES = 240;

/**
 * Turns an object's name into a file name every desktop system accepts: NFC (as S3 keys from
 * Hakobu are), forbidden characters replaced, no trailing dots or spaces, no reserved device
 * names, and short enough to leave room for " (12).part".
 */
export function safeLocalName(objectName: string): string {
  let name = replaceControlChars(objectName.normalize('NFC'), '_')
    .replace(FORBIDDEN, '_')
    .replace(/[. ]+$/, '');
  if (name === '' || name === '.' || name === '..') name = 'download';
  if (RESERVED.test(name)) name = `_${name}`;
  return fitBytes(name);
}

/** Shortens a name to MAX_NAME_BYTES of UTF-8, cutting whole characters and keeping a short extension. */
function fitBytes(name: string): string {
  if (Buffer.byteLength(name) <= MAX_NAME_BYTES) return name;
  const ext = extname(name);
  const tail = ext !== '' && Buffer.byteLength(ext) <= 16 ? ext : '';
  const chars = [...name.slice(0, name.length - tail.length)];
  while (chars.length > 1 && Buffer.byteLength(chars.join('') + tail) > MAX_NAME_BYTES) chars.pop();
  return chars.join('') + tail;
}

/** The n-th candidate for a name: "photo.jpg", then "photo (1).jpg", "photo (2).jpg", … */
export function numberedName(name: string, n: number): string {
  if (n === 0) return name;
  const ext = extname(name);
  const stem = ext === name ? name : name.slice(0, name.length - ext.length);
  return `${stem} (${n})${ext}`;
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code;

/**
 * Moves a finished file to the first free numbered variant of `name` in `directory`, never
 * replacing an existing file. A hard link claims the name atomically (it fails if the name is
 * taken); file systems without hard links (FAT, some network shares) fall back to check-then-rename.
 */
export async function claimFreeName(
  finishedPath: string,
  directory: string,
  name: string,
): Promise<string> {
  for (let n = 0; n < 10_000; n += 1) {
    const candidate = join(directory, numberedName(name, n));
    try {
      await link(finishedPath, candidate);
      await unlink(finishedPath);
      return candidate;
    } catch (error) {
      if (errorCode(error) === 'EEXIST') continue;
      if (await exists(candidate)) continue;
      await rename(finishedPath, candidate);
      return candidate;
    }
  }
  throw new Error(`no free name for ${name} in ${directory}`);
}
