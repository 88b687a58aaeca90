import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The data files of one bucket. Objects and parts point at blobs by name; a blob is deleted only
 * when nothing points at it any more and no reader holds it open, so an overwrite or a completed
 * upload never pulls bytes from under a GET in flight, and a part can become an object's segment
 * without being copied.
 */
export class BlobStore {
  private readonly references = new Map<string, number>();

  constructor(
    private readonly dir: string,
    private readonly tmpDir: string,
  ) {
    mkdirSync(dir, { recursive: true });
    mkdirSync(tmpDir, { recursive: true });
  }

  /** Absolute path of a blob. */
  path(file: string): string {
    return join(this.dir, file);
  }

  /** A fresh path for a body being received; nothing refers to it until adopt(). */
  newTempPath(): string {
    return join(this.tmpDir, randomUUID());
  }

  /** Moves a fully received, fsynced temp file into the store and returns its blob name. */
  async adopt(tempPath: string): Promise<string> {
    const file = randomUUID();
    await rename(tempPath, this.path(file));
    return file;
  }

  /** Deletes a blob that was adopted but never recorded anywhere. */
  discard(file: string): void {
    if (this.references.has(file)) return;
    unlink(this.path(file)).catch(() => {
      // Nothing to reclaim.
    });
  }

  /** Records one more holder of a blob (a record pointing at it, or a reader). */
  retain(file: string): void {
    this.references.set(file, (this.references.get(file) ?? 0) + 1);
  }

  /** Drops one holder; the last one out deletes the file. */
  release(file: string): void {
    const left = (this.references.get(file) ?? 0) - 1;
    if (left > 0) {
      this.references.set(file, left);
      return;
    }
    this.references.delete(file);
    unlink(this.path(file)).catch(() => {
      // Already gone (a crash between record and file removal): nothing to reclaim.
    });
  }

  /**
   * Deletes blobs nobody refers to and leftover temp files: what a crash between writing a body and
   * writing its record leaves behind. Call once, after every record has retained its blobs.
   */
  sweep(): void {
    for (const file of readdirSync(this.dir)) {
      if (!this.references.has(file)) rmSync(this.path(file), { force: true });
    }
    for (const file of readdirSync(this.tmpDir)) rmSync(join(this.tmpDir, file), { force: true });
  }
}
