import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BlobStore } from './blob-store';
import { KeyIndex } from './key-order';
import { RecordWriter } from './record-writer';
import { ObjectRecord } from './records';

/** Whether a key has been put or deleted since the watch began. */
export interface KeyWatch {
  readonly changed: boolean;
  /** Ends the watch; the table forgets it. */
  stop(): void;
}

/**
 * The objects of one bucket: one JSON record per key on disk (named by the key's SHA-256, since
 * keys may be 1,024 bytes of anything), mirrored in memory with a sorted key index for listing.
 */
export class ObjectTable {
  readonly index = new KeyIndex();
  private readonly records = new Map<string, ObjectRecord>();
  private readonly watches = new Map<string, Set<{ changed: boolean }>>();
  private readonly writer = new RecordWriter();

  constructor(
    private readonly dir: string,
    private readonly blobs: BlobStore,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  /** Reads every record from disk; records that no longer parse are skipped, not fatal. */
  load(): void {
    for (const name of readdirSync(this.dir)) {
      const path = join(this.dir, name);
      if (!name.endsWith('.json')) {
        rmSync(path, { force: true });
        continue;
      }
      const parsed = ObjectRecord.safeParse(safeJson(path));
      if (!parsed.success) continue;
      this.remember(parsed.data);
    }
  }

  /** The record for a key, if the object exists. */
  get(key: string): ObjectRecord | undefined {
    return this.records.get(key);
  }

  /**
   * Starts noting every put and delete of one key, so that a conditional write in flight can tell
   * that another write or a delete overtook it. Costs nothing for keys nobody watches.
   */
  watch(key: string): KeyWatch {
    const mark = { changed: false };
    let marks = this.watches.get(key);
    if (!marks) {
      marks = new Set();
      this.watches.set(key, marks);
    }
    marks.add(mark);
    const watching = marks;
    return {
      get changed() {
        return mark.changed;
      },
      stop: () => {
        watching.delete(mark);
        if (watching.size === 0 && this.watches.get(key) === watching) this.watches.delete(key);
      },
    };
  }

  /**
   * Replaces any previous object under the key: at once in memory, and on disk (fsynced) when the
   * promise settles, which the caller awaits before it answers. The old bytes are released only
   * once the new record is on disk, so a crash never leaves a record without its blob.
   */
  async put(record: ObjectRecord): Promise<void> {
    this.touched(record.key);
    const previous = this.records.get(record.key);
    this.remember(record);
    await this.writer.write(record.key, this.pathFor(record.key), JSON.stringify(record));
    if (previous) for (const s of previous.segments) this.blobs.release(s.file);
  }

  /** Deletes an object (memory at once, disk when settled); a missing key is not an error, as in S3. */
  async delete(key: string): Promise<void> {
    const previous = this.records.get(key);
    if (!previous) return;
    this.touched(key);
    this.records.delete(key);
    this.index.remove(key);
    await this.writer.remove(key, this.pathFor(key));
    for (const s of previous.segments) this.blobs.release(s.file);
  }

  private touched(key: string): void {
    const marks = this.watches.get(key);
    if (marks) for (const mark of marks) mark.changed = true;
  }

  private remember(record: ObjectRecord): void {
    for (const s of record.segments) this.blobs.retain(s.file);
    this.records.set(record.key, record);
    this.index.add(record.key);
  }

  private pathFor(key: string): string {
    return join(this.dir, `${createHash('sha256').update(key, 'utf8').digest('hex')}.json`);
  }
}

/** Parses a JSON file, or returns undefined when it is unreadable or truncated. */
export function safeJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}
