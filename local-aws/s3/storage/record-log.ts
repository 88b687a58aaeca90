import * as fs from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { fsyncDirAsync, fsyncDirSync } from '../../../src-main/core/fs/atomic';

const write = promisify(fs.write);
const fdatasync = promisify(fs.fdatasync);
const fsync = promisify(fs.fsync);
const ftruncate = promisify(fs.ftruncate);
const close = promisify(fs.close);
const openAsync = promisify(fs.open);
const rename = promisify(fs.rename);

export interface RecordLogOptions {
  /** Makes written lines durable; fdatasync unless a test counts or gates the calls. */
  sync?: (fd: number) => Promise<void>;
  /**
   * Runs before each batch is written: the bucket fsyncs its blobs folder there, so that every blob
   * a record in the batch names has a durable directory entry before the record does.
   */
  beforeCommit?: () => Promise<void>;
  /** The log is rewritten once it holds this many lines and `ratio` times the live count. */
  compactMinLines?: number;
  compactRatio?: number;
}

/** The live records, one line each, and how many there are; used to rewrite the log. */
export interface LiveRecords {
  count(): number;
  lines(): string[];
}

interface Batch {
  lines: string[];
  done: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * An append-only file of one-line records with group commit. A per-record temp file, rename and
 * folder fsync cost four opens, two renames and three fsyncs per PUT and made the stand-in's disk
 * metadata its bottleneck; here every record appended while one batch is being written and
 * fdatasynced joins the next batch, so one write and one fdatasync cover many requests. A caller
 * awaits the batch that holds its record, so an acknowledged change is on disk. Lines land in call
 * order, so two changes of one key can never be reordered.
 */
export class RecordLog {
  /** Batches made durable by an append (not by a rewrite); tests read it. */
  commits = 0;
  private fd: number;
  private size: number;
  private lineCount: number;
  private next: Batch | undefined;
  private broken: unknown;
  private live: LiveRecords = { count: () => 0, lines: () => [] };
  private readonly minLines: number;
  private retryAt: number;
  private running: Promise<void> | undefined;
  private readonly ratio: number;

  private constructor(
    private readonly path: string,
    fd: number,
    size: number,
    lineCount: number,
    private readonly options: RecordLogOptions,
  ) {
    this.fd = fd;
    this.size = size;
    this.lineCount = lineCount;
    this.minLines = options.compactMinLines ?? 4096;
    this.retryAt = this.minLines;
    this.ratio = options.compactRatio ?? 4;
  }

  /**
   * Opens (or creates) the log and returns it with its complete lines. A last line without its
   * newline is a write a crash cut short, never acknowledged: it is cut off so appends start clean.
   */
  static open(path: string, options: RecordLogOptions = {}): { log: RecordLog; lines: string[] } {
    fs.rmSync(compactPath(path), { force: true });
    const existed = fs.existsSync(path);
    const fd = fs.openSync(path, existed ? 'r+' : 'w+', 0o600);
    if (!existed) fsyncDirSync(dirname(path));
    const text = existed ? fs.readFileSync(fd, 'utf8') : '';
    const end = text.lastIndexOf('\n') + 1;
    const lines = text.slice(0, end).split('\n');
    lines.pop();
    const size = Buffer.byteLength(text.slice(0, end));
    if (end < text.length) {
      fs.ftruncateSync(fd, size);
      fs.fdatasyncSync(fd);
    }
    return { log: new RecordLog(path, fd, size, lines.length, options), lines };
  }

  /** Names what a rewrite keeps; set once the tables are built. */
  track(live: LiveRecords): void {
    this.live = live;
  }

  /** True when the log has grown to several times its live size and should be rewritten. */
  shouldCompact(): boolean {
    const { lineCount } = this;
    return lineCount >= this.retryAt && lineCount > this.ratio * this.live.count();
  }

  /**
   * Replaces the log with just the live records, synchronously, before the bucket serves anything
   * (at start, after migrating old records, or when the log is mostly dead lines).
   */
  rewriteNow(): void {
    const lines = this.live.lines();
    const data = encode(lines);
    const tmp = compactPath(this.path);
    const fd = fs.openSync(tmp, 'w+', 0o600);
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
      fs.renameSync(tmp, this.path);
    } catch (error) {
      fs.closeSync(fd);
      fs.rmSync(tmp, { force: true });
      throw error;
    }
    fsyncDirSync(dirname(this.path));
    fs.closeSync(this.fd);
    this.adopt(fd, data, lines.length);
  }

  /** Appends one record; resolves once a write and fdatasync cover it. */
  append(line: string): Promise<void> {
    if (this.broken !== undefined) return Promise.reject(this.broken);
    let batch = this.next;
    if (!batch) {
      let resolve!: () => void;
      let reject!: (error: unknown) => void;
      const done = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      batch = this.next = { lines: [], done, resolve, reject };
    }
    batch.lines.push(line);
    this.running ??= this.run();
    return batch.done;
  }

  /** Waits for everything appended so far, then closes the file. */
  async close(): Promise<void> {
    await this.running;
    this.broken ??= new Error('The record log is closed');
    await close(this.fd).catch(() => undefined);
  }

  private async run(): Promise<void> {
    try {
      for (let batch = this.next; batch; batch = this.next) {
        this.next = undefined;
        try {
          // The live records already include every line of this batch (tables change memory in
          // the same step as they append), so a durable rewrite commits the batch as well.
          if (!(this.shouldCompact() && (await this.rewrite()))) await this.commit(batch.lines);
          batch.resolve();
        } catch (error) {
          batch.reject(error);
        }
      }
    } finally {
      this.running = undefined;
    }
  }

  private async commit(lines: string[]): Promise<void> {
    if (this.broken !== undefined) throw this.broken;
    await this.options.beforeCommit?.();
    const data = encode(lines);
    try {
      await writeAll(this.fd, data, this.size);
      await (this.options.sync ?? fdatasync)(this.fd);
    } catch (error) {
      // Cut the failed batch off, so no caller that saw an error finds its record after a restart;
      // if even that fails the log stops taking writes rather than risk a torn middle.
      await ftruncate(this.fd, this.size).catch((cause: unknown) => (this.broken = cause));
      throw error;
    }
    this.size += data.length;
    this.lineCount += lines.length;
    this.commits++;
  }

  /** The same rewrite as rewriteNow, off the event loop; false when it failed and nothing changed. */
  private async rewrite(): Promise<boolean> {
    // Taken before any await: exactly the batch just taken and everything before it, and only
    // records whose blobs exist already, so the folder fsync below covers them.
    const lines = this.live.lines();
    const data = encode(lines);
    await this.options.beforeCommit?.();
    const tmp = compactPath(this.path);
    let fd: number | undefined;
    try {
      fd = await openAsync(tmp, 'w+', 0o600);
      await writeAll(fd, data, 0);
      await fsync(fd);
      await rename(tmp, this.path);
    } catch {
      if (fd !== undefined) await close(fd).catch(() => undefined);
      fs.rmSync(tmp, { force: true });
      // Appending still works; try again only once the log has doubled, not on every batch.
      this.retryAt = this.lineCount * 2;
      return false;
    }
    await fsyncDirAsync(dirname(this.path));
    await close(this.fd).catch(() => undefined);
    this.adopt(fd, data, lines.length);
    return true;
  }

  // The count is the snapshot's: records changed since then are lines still to be appended.
  private adopt(fd: number, data: Buffer, lineCount: number): void {
    this.fd = fd;
    this.size = data.length;
    this.lineCount = lineCount;
    this.retryAt = this.minLines;
  }
}

const compactPath = (path: string) => `${path}.compact`;

function encode(lines: string[]): Buffer {
  return Buffer.from(lines.length === 0 ? '' : `${lines.join('\n')}\n`, 'utf8');
}

async function writeAll(fd: number, data: Buffer, position: number): Promise<void> {
  let done = 0;
  while (done < data.length) {
    const { bytesWritten } = await write(fd, data, done, data.length - done, position + done);
    done += bytesWritten;
  }
}
