import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { fsyncDirAsync } from '../../../src-main/core/fs/atomic';

/**
 * The data files of one bucket. Objects and parts point at blobs by name; a blob is deleted only
 * when nothing points at it any more and no reader holds it open, so an overwrite or a completed
 * upload never pulls bytes from under a GET in flight, and a part can become an object's segment
 * without being copied.
 */
export class BlobStore {
  private readonly references = new Map<string, number>();

  // Created once here: a mkdir per body, always EEXIST, cost a syscall and a lookup on every PUT.
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  /** Absolute path of a blob. */
  path(file: string): string {
    return join(this.dir, file);
  }

  /**
   * A fresh blob name for a body about to be received. The body is written under its final name:
   * nothing refers to it until a record does, and the start-up sweep deletes it if none ever does,
   * so the temp file and rename it used to cost per PUT bought nothing.
   */
  newBlob(): string {
    return randomUUID();
  }

  /** Makes the names of every blob created so far durable; the record log calls it per batch. */
  syncFolder(): Promise<void> {
    return fsyncDirAsync(this.dir);
  }

  /** Deletes a blob that was received but never recorded anywhere. */
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
   * Deletes blobs nobody refers to: what a crash between writing a body and writing its record, or
   * a body cut off mid-stream, leaves behind. Call once, after every record has retained its blobs.
   */
  sweep(): void {
    for (const file of readdirSync(this.dir)) {
      if (!this.references.has(file)) rmSync(this.path(file), { force: true });
    }
  }
}
