import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { BlobStore } from '../storage/blob-store';
import type { ObjectRecord } from '../storage/records';
import type { ByteRange } from './range';

/**
 * Streams bytes [start, end] of an object across its segments. The segments' blobs stay pinned
 * until the stream closes, so an overwrite or delete meanwhile cannot cut the response short.
 */
export function readObject(blobs: BlobStore, record: ObjectRecord, range: ByteRange): Readable {
  const segments = record.segments;
  for (const s of segments) blobs.retain(s.file);

  async function* bytes(): AsyncGenerator<Buffer> {
    let offset = 0;
    for (const segment of segments) {
      const segmentStart = offset;
      const segmentEnd = offset + segment.size - 1;
      offset += segment.size;
      if (segment.size === 0 || segmentEnd < range.start) continue;
      if (segmentStart > range.end) break;
      const stream = createReadStream(blobs.path(segment.file), {
        start: Math.max(range.start, segmentStart) - segmentStart,
        end: Math.min(range.end, segmentEnd) - segmentStart,
        highWaterMark: 256 * 1024,
      });
      for await (const chunk of stream) yield chunk as Buffer;
    }
  }

  const stream = Readable.from(bytes(), { objectMode: false });
  stream.once('close', () => {
    for (const s of segments) blobs.release(s.file);
  });
  return stream;
}
