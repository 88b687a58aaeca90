import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { FileChangedError } from './errors';

const CHUNK = 64 * 1024;

/**
 * Streams `length` bytes of a file from `offset` through one file handle, so memory stays at a
 * chunk or two whatever the part size. Bytes are counted (and CRC32-summed) as the HTTP layer
 * pulls them, which is what progress reports; a short read means the file shrank underneath us.
 */
export class FilePartStream extends Readable {
  private handle: FileHandle | undefined;
  private position: number;
  private remaining: number;
  private crc = 0;
  /** Bytes handed to the consumer so far. */
  counted = 0;
  /** Set when the file changed under the read, so the caller can tell it from a network error. */
  fileChanged: FileChangedError | undefined;

  constructor(
    private readonly path: string,
    offset: number,
    length: number,
    private readonly onBytes: (n: number) => void,
  ) {
    super({ highWaterMark: CHUNK });
    this.position = offset;
    this.remaining = length;
  }

  override _construct(callback: (error?: Error | null) => void): void {
    open(this.path, 'r').then(
      (handle) => {
        this.handle = handle;
        callback();
      },
      (error: Error) => callback(error),
    );
  }

  override _read(): void {
    if (this.remaining === 0) {
      this.push(null);
      return;
    }
    const handle = this.handle;
    if (!handle) return;
    const size = Math.min(CHUNK, this.remaining);
    handle.read(Buffer.allocUnsafe(size), 0, size, this.position).then(
      ({ bytesRead, buffer }) => {
        // A read that lands after the attempt was given up must not count toward progress.
        if (this.destroyed) return;
        if (bytesRead === 0) {
          this.fileChanged = new FileChangedError(this.path);
          this.destroy(this.fileChanged);
          return;
        }
        const chunk = buffer.subarray(0, bytesRead);
        this.position += bytesRead;
        this.remaining -= bytesRead;
        this.counted += bytesRead;
        this.crc = crc32(chunk, this.crc);
        this.onBytes(bytesRead);
        this.push(chunk);
      },
      (error: Error) => this.destroy(error),
    );
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    const handle = this.handle;
    this.handle = undefined;
    if (!handle) return callback(error);
    handle.close().then(
      () => callback(error),
      () => callback(error),
    );
  }

  /** The CRC32 of everything read, base64 of the big-endian value as S3 writes it. */
  checksumCRC32(): string {
    return crc32Base64(this.crc);
  }
}

/** A CRC32 value in S3's notation: base64 of its 4 big-endian bytes. */
export function crc32Base64(value: number): string {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value >>> 0);
  return bytes.toString('base64');
}

/** S3's checksum of a multipart object: the CRC32 of the parts' raw CRC32s, then `-<parts>`. */
export function compositeCRC32(partChecksums: readonly string[]): string {
  const raw = Buffer.concat(partChecksums.map((c) => Buffer.from(c, 'base64')));
  return `${crc32Base64(crc32(raw))}-${partChecksums.length}`;
}
