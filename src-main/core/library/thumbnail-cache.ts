import { createHash, randomBytes } from 'node:crypto';
import {
  chmod,
  mkdir,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { join } from 'node:path';

/** The default bound of the thumbnail cache on disk. */
export const DEFAULT_THUMBNAIL_CACHE_BYTES = 512 * 1024 * 1024;

const EXTENSION = '.webp';
// Only files of these shapes are ever read or removed, whatever else shares the folder.
const CACHE_FILE = /^[0-9a-f]{64}\.webp$/;
const TEMPORARY_FILE = /^[0-9a-f]{64}\.webp\.[0-9a-f]{12}\.tmp$/;
// Thumbnails show the user's private images: readable by the user alone, like all app data.
const FOLDER_MODE = 0o700;
const FILE_MODE = 0o600;
// POSIX permission bits; Windows keeps app data private through the profile folder's ACL.
const tooOpen = (mode: number, wanted: number) =>
  process.platform !== 'win32' && (mode & 0o777 & ~wanted) !== 0;

interface Entry {
  size: number;
}

/**
 * Thumbnails on disk, one file per object version, bounded in size. Files are named by a hash of
 * bucket, key and ETag: a changed object gets a new thumbnail, and no key (with whatever
 * characters it has) ever becomes part of a local path. Least recently used files go first; use
 * is recorded in the files' mtime, so the order survives restarts.
 */
export class ThumbnailCache {
  // Insertion order is recency order: a hit moves its entry to the end.
  private entries: Map<string, Entry> | undefined;
  private loading: Promise<Map<string, Entry>> | undefined;
  private total = 0;

  constructor(
    readonly dir: string,
    readonly maxBytes: number = DEFAULT_THUMBNAIL_CACHE_BYTES,
  ) {}

  /** The cache file name for one version of an object. */
  static fileName(bucket: string, key: string, etag: string): string {
    const hash = createHash('sha256')
      .update(JSON.stringify([bucket, key, etag]))
      .digest('hex');
    return `${hash}${EXTENSION}`;
  }

  private index(): Promise<Map<string, Entry>> {
    if (this.entries) return Promise.resolve(this.entries);
    this.loading ??= this.scan().then((entries) => {
      this.entries = entries;
      return entries;
    });
    return this.loading;
  }

  private async scan(): Promise<Map<string, Entry>> {
    await mkdir(this.dir, { recursive: true, mode: FOLDER_MODE });
    // A cache folder (and files) written by an earlier version may be readable by everyone.
    const folder = await stat(this.dir);
    if (tooOpen(folder.mode, FOLDER_MODE)) await chmod(this.dir, FOLDER_MODE);
    const found: { name: string; size: number; used: number }[] = [];
    for (const name of await readdir(this.dir)) {
      const path = join(this.dir, name);
      // Leftovers of a crash mid-write are never complete thumbnails.
      if (TEMPORARY_FILE.test(name)) await rm(path, { force: true });
      if (!CACHE_FILE.test(name)) continue;
      const info = await stat(path).catch(() => undefined);
      if (!info?.isFile()) continue;
      if (tooOpen(info.mode, FILE_MODE)) await chmod(path, FILE_MODE).catch(() => undefined);
      found.push({ name, size: info.size, used: info.mtimeMs });
    }
    found.sort((a, b) => a.used - b.used);
    const entries = new Map<string, Entry>();
    for (const { name, size } of found) {
      entries.set(name, { size });
      this.total += size;
    }
    return entries;
  }

  /** The cached thumbnail, marking it as just used; undefined on a miss. */
  async read(name: string): Promise<Buffer | undefined> {
    const entries = await this.index();
    const entry = entries.get(name);
    if (!entry) return undefined;
    const path = join(this.dir, name);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch {
      // Removed behind our back (the user cleared the folder): a miss.
      this.forget(name);
      return undefined;
    }
    entries.delete(name);
    entries.set(name, entry);
    const now = new Date();
    await utimes(path, now, now).catch(() => undefined);
    return bytes;
  }

  /** Stores a thumbnail (write to a temporary file, then rename), then evicts down to the bound. */
  async write(name: string, bytes: Buffer): Promise<void> {
    const entries = await this.index();
    const path = join(this.dir, name);
    const temporary = join(this.dir, `${name}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await writeFile(temporary, bytes, { mode: FILE_MODE });
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    this.forget(name);
    entries.set(name, { size: bytes.length });
    this.total += bytes.length;
    await this.evict();
  }

  /** Bytes the cache holds now. */
  async size(): Promise<number> {
    await this.index();
    return this.total;
  }

  private forget(name: string): void {
    const entry = this.entries?.get(name);
    if (!entry) return;
    this.entries?.delete(name);
    this.total -= entry.size;
  }

  private async evict(): Promise<void> {
    const entries = await this.index();
    for (const [name] of entries) {
      if (this.total <= this.maxBytes) return;
      this.forget(name);
      await rm(join(this.dir, name), { force: true });
    }
  }
}
