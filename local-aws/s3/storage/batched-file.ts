import { open, type FileHandle } from 'node:fs/promises';

// A request body arrives in chunks of 16-64 KiB; one write per chunk cost a thread-pool round trip
// each and showed as the main thread's largest native cost. Chunks are gathered into writes of at
// least BATCH bytes (writev, no copy), with one write in flight while the next batch is hashed.
const BATCH = 1024 * 1024;
// Past this much waiting in memory the reader waits for the disk: a body is never held whole.
const HIGH_WATER = 8 * 1024 * 1024;

/** A new file written in large batches, overlapping disk writes with the caller's hashing. */
export class BatchedFile {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private inFlight: Promise<void> | undefined;
  private failure: unknown;

  private constructor(private readonly handle: FileHandle) {}

  /** Creates the file at `path`, which must not exist yet (a blob name is never reused). */
  static async create(path: string): Promise<BatchedFile> {
    return new BatchedFile(await open(path, 'wx', 0o600));
  }

  /** Queues a chunk; resolves once the queue is back under its high-water mark. */
  async write(chunk: Buffer): Promise<void> {
    if (this.failure !== undefined) throw this.failure;
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= BATCH && !this.inFlight) this.flush();
    while (this.pendingBytes >= HIGH_WATER && this.inFlight) await this.inFlight;
    if (this.failure !== undefined) throw this.failure;
  }

  /** Writes what is left, fdatasyncs (the body is durable before it is acknowledged), closes. */
  async finish(): Promise<void> {
    while (this.inFlight) await this.inFlight;
    if (this.failure !== undefined) throw this.failure;
    if (this.pendingBytes > 0) {
      this.flush();
      await this.inFlight;
      if (this.failure !== undefined) throw this.failure;
    }
    await this.handle.datasync();
    await this.handle.close();
  }

  /** Closes the file after a failure, waiting for a write still in flight. */
  async abandon(): Promise<void> {
    await this.inFlight;
    await this.handle.close().catch(() => undefined);
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    this.inFlight = writeAll(this.handle, batch).then(
      () => {
        this.inFlight = undefined;
        if (this.pendingBytes >= BATCH) this.flush();
      },
      (error: unknown) => {
        this.failure = error;
        this.inFlight = undefined;
      },
    );
  }
}

async function writeAll(handle: FileHandle, buffers: Buffer[]): Promise<void> {
  let rest = buffers;
  while (rest.length > 0) {
    const { bytesWritten } = await handle.writev(rest);
    rest = dropWritten(rest, bytesWritten);
  }
}

// writev may write less than asked (a full disk, a signal): resume after what it took.
function dropWritten(buffers: Buffer[], written: number): Buffer[] {
  let left = written;
  let i = 0;
  while (i < buffers.length && left >= (buffers[i]?.length ?? 0)) left -= buffers[i++]?.length ?? 0;
  const rest = buffers.slice(i);
  const first = rest[0];
  if (first && left > 0) rest[0] = first.subarray(left);
  return rest;
}
