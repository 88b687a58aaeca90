import type { BigIntStats } from 'node:fs';
import { open, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fsyncDirAsync, writeFileAtomicAsync } from '../../fs/atomic';
import { PRIVATE_FILE_MODE } from '../../fs/private-dir';

/** One committed line of this process's log, as kept in memory for compaction. */
export interface LogLine {
  id: string;
  op: 'put' | 'del';
  line: string;
}

// How often an append is retried when another process claims the log mid-write. A claim happens
// only when a journal is loaded, so a second failure in a row is already unusual.
const APPEND_ATTEMPTS = 5;

const sameFile = (a: BigIntStats | undefined, b: BigIntStats): boolean =>
  a !== undefined && a.ino === b.ino && a.dev === b.dev;

const ignoreMissing = (error: NodeJS.ErrnoException): undefined => {
  if (error.code !== 'ENOENT') throw error;
  return undefined;
};

/**
 * The log this journal appends to, and in memory the latest line of each item it holds, so it
 * can be rewritten without the lines that later ones superseded. Only this instance writes it;
 * another process may *claim* it (rename it away), which append() detects (see scan.ts).
 */
export class OwnLog {
  private readonly latest = new Map<string, LogLine>();
  private liveBytes = 0;
  private puts = 0;
  private tornTail = false;
  /** Bytes in the file on disk, superseded lines included. */
  size = 0;

  constructor(readonly path: string) {}

  /** Items with a record (not a removal) as their latest line. */
  get liveCount(): number {
    return this.puts;
  }

  /** Bytes a rewrite would keep: the latest line of every item. */
  get compactSize(): number {
    return this.liveBytes;
  }

  private forget(): void {
    this.latest.clear();
    this.liveBytes = 0;
    this.puts = 0;
  }

  private remember(lines: readonly LogLine[]): void {
    for (const line of lines) {
      const previous = this.latest.get(line.id);
      if (previous) {
        this.liveBytes -= Buffer.byteLength(previous.line);
        if (previous.op === 'put') this.puts--;
      }
      this.latest.set(line.id, line);
      this.liveBytes += Buffer.byteLength(line.line);
      if (line.op === 'put') this.puts++;
    }
  }

  /**
   * Appends lines with one write and one fsync. Afterwards the path must still name the file
   * written to: if another process claimed it meanwhile, it may have read only part of the
   * batch, so the batch goes again into a fresh file (a duplicate line is harmless).
   */
  async append(lines: readonly LogLine[]): Promise<void> {
    const text = lines.map((l) => l.line).join('');
    for (let attempt = 1; ; attempt++) {
      // A failed append may have left half a line: start on a line of our own.
      const data = this.tornTail ? `\n${text}` : text;
      const handle = await open(this.path, 'a', PRIVATE_FILE_MODE);
      let written: BigIntStats;
      let named: BigIntStats | undefined;
      try {
        this.tornTail = true;
        await handle.writeFile(data);
        await handle.datasync();
        this.tornTail = false;
        written = await handle.stat({ bigint: true });
        // Compared while the file is still open, so its inode number cannot have been reused.
        named = await stat(this.path, { bigint: true }).catch(ignoreMissing);
      } finally {
        await handle.close();
      }
      if (sameFile(named, written)) {
        if (written.size === BigInt(Buffer.byteLength(data))) {
          // A new file (first append, or ours was claimed): its name must survive a crash too,
          // and what the old one held is now the claimant's to keep.
          await fsyncDirAsync(dirname(this.path));
          this.forget();
        }
        this.size = Number(written.size);
        this.remember(lines);
        return;
      }
      if (attempt >= APPEND_ATTEMPTS) {
        throw new Error(`the journal log ${this.path} keeps being moved away`);
      }
    }
  }

  /** The latest line of every item; removals only when asked (they matter only beside other logs). */
  compacted(keepRemovals: boolean): LogLine[] {
    return [...this.latest.values()].filter((l) => keepRemovals || l.op === 'put');
  }

  /** Replaces the file atomically with these lines (each item at most once). */
  async replace(lines: readonly LogLine[]): Promise<void> {
    if (lines.length === 0) return this.delete();
    await writeFileAtomicAsync(this.path, lines.map((l) => l.line).join(''));
    // The rename must be durable before anything it replaces (a claimed log) is deleted.
    await fsyncDirAsync(dirname(this.path));
    this.tornTail = false;
    this.forget();
    this.remember(lines);
    this.size = this.liveBytes;
  }

  /** Deletes the file: nothing in it is needed any more. */
  async delete(): Promise<void> {
    await unlink(this.path).catch(ignoreMissing);
    this.tornTail = false;
    this.forget();
    this.size = 0;
  }
}
