import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes metadata records off the event loop, in call order per key.
 *
 * The synchronous writer (write, fsync, rename, fsync the folder) blocked every other request for
 * two fsyncs per PUT, which capped the stand-in's throughput. Here the caller updates its memory
 * first (so reads and conditional writes see call order), then awaits the disk step before it
 * answers: an acknowledged write is on disk, as before. Steps for one key (a put, a later delete)
 * are chained, so an older write can never land after a newer one or after a removal.
 */
export class RecordWriter {
  private readonly tails = new Map<string, Promise<void>>();

  /** Atomically replaces `path` with `data` (temp file, fsync, rename, fsync the folder). */
  write(key: string, path: string, data: string): Promise<void> {
    return this.chain(key, () => writeAtomic(path, data));
  }

  /**
   * Removes `path` (a file or a whole folder) after every earlier step for `key`, and after
   * `after` (say, the object record a completed upload's parts now belong to) has settled.
   */
  remove(key: string, path: string, after?: Promise<unknown>): Promise<void> {
    return this.chain(key, async () => {
      await after?.catch(() => undefined);
      await rm(path, { recursive: true, force: true });
    });
  }

  private chain(key: string, step: () => Promise<void>): Promise<void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const done = previous.then(step, step);
    const tail = done.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return done;
  }
}

async function writeAtomic(path: string, data: string): Promise<void> {
  const folder = dirname(path);
  const tmp = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  try {
    const handle = await open(tmp, 'wx', 0o600);
    try {
      await handle.writeFile(data);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  await fsyncFolder(folder);
}

async function fsyncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open a folder for fsync; the rename is still atomic there.
  }
}
