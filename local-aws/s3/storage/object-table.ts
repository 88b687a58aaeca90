import type { BlobStore } from './blob-store';
import { KeyIndex } from './key-order';
import { deletionLine, objectLine } from './log-entries';
import type { RecordLog } from './record-log';
import type { ObjectRecord } from './records';

/** Whether a key has been put or deleted since the watch began. */
export interface KeyWatch {
  readonly changed: boolean;
  /** Ends the watch; the table forgets it. */
  stop(): void;
}

/**
 * The objects of one bucket, in memory with a sorted key index for listing, and on disk as lines of
 * the bucket's record log (the map is the log's live state, shared with its rewrites).
 */
export class ObjectTable {
  readonly index = new KeyIndex();
  private readonly watches = new Map<string, Set<{ changed: boolean }>>();

  /** Takes over the records replayed from disk: indexes them and retains their blobs. */
  constructor(
    private readonly records: Map<string, ObjectRecord>,
    private readonly log: RecordLog,
    private readonly blobs: BlobStore,
  ) {
    for (const record of records.values()) {
      for (const s of record.segments) blobs.retain(s.file);
    }
    this.index.addAll(records.keys());
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
    await this.log.append(objectLine(record));
    if (previous) for (const s of previous.segments) this.blobs.release(s.file);
  }

  /** Deletes an object (memory at once, disk when settled); a missing key is not an error, as in S3. */
  async delete(key: string): Promise<void> {
    const previous = this.records.get(key);
    if (!previous) return;
    this.touched(key);
    this.records.delete(key);
    this.index.remove(key);
    await this.log.append(deletionLine(key));
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
}
