import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './private-dir';

// A hidden name beside the target (same file system, so rename is atomic) with a random part, so
// two processes (the app and the CLI) never share a temporary file.
const tempName = (path: string) =>
  join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);

/** The synchronous twin of fsyncDirAsync: makes a folder's entries durable, best effort. */
export function fsyncDirSync(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a directory for fsync; the rename is still atomic there.
  }
}

// The file is written 0600 and missing folders are created 0700. An existing folder keeps its
// mode: the caller may write beside the user's own files (ensurePrivateDir narrows Hakobu's own).

/** Writes a file so that a crash at any moment leaves either the old or the new content, never a torn one. */
export function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  mode = PRIVATE_FILE_MODE,
): void {
  mkdirSync(dirname(path), { recursive: true, mode: PRIVATE_DIR_MODE });
  const tmp = tempName(path);
  try {
    const fd = openSync(tmp, 'wx', mode);
    try {
      writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
    fsyncDirSync(dirname(path));
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

/** The asynchronous twin of writeFileAtomic, for hot paths such as the transfer journal. */
export async function writeFileAtomicAsync(
  path: string,
  data: string | Uint8Array,
  mode = PRIVATE_FILE_MODE,
): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: PRIVATE_DIR_MODE });
  const tmp = tempName(path);
  try {
    const handle = await open(tmp, 'wx', mode);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/**
 * Makes a folder's entries durable (a file just created or renamed into it): fsyncing a file
 * covers its data, not its name. Best effort: Windows cannot open a folder for fsync.
 */
export async function fsyncDirAsync(path: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    await handle.sync();
  } catch {
    // Windows (EISDIR/EPERM): its renames and creations are durable enough without it.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
