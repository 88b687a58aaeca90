import { z } from 'zod';
import { ObjectRecord, PartRecord, UploadRecord } from './records';

// One line of <bucket>/records.log. Short field names, since a line is written per PUT:
// o = object put, d = object deleted (its key), u = upload created, p = part stored in upload i,
// x = upload completed or aborted (its ID).
const LogEntry = z.union([
  z.object({ o: ObjectRecord }),
  z.object({ d: z.string() }),
  z.object({ u: UploadRecord }),
  z.object({ i: z.string(), p: PartRecord }),
  z.object({ x: z.string() }),
]);

/** A multipart upload in progress and its stored parts. */
export interface UploadState {
  record: UploadRecord;
  parts: Map<number, PartRecord>;
}

/** Everything a bucket's records say, before any blob is retained for it. */
export interface BucketRecords {
  objects: Map<string, ObjectRecord>;
  uploads: Map<string, UploadState>;
}

/** The line that puts an object. */
export const objectLine = (record: ObjectRecord) => JSON.stringify({ o: record });
/** The line that deletes an object (a tombstone until the log is rewritten). */
export const deletionLine = (key: string) => JSON.stringify({ d: key });
/** The line that starts a multipart upload. */
export const uploadLine = (record: UploadRecord) => JSON.stringify({ u: record });
/** The line that stores one part of an upload. */
export const partLine = (uploadId: string, part: PartRecord) =>
  JSON.stringify({ i: uploadId, p: part });
/** The line that ends an upload (completed or aborted). */
export const uploadEndLine = (uploadId: string) => JSON.stringify({ x: uploadId });

/**
 * Applies one line: the last line for a key or upload wins. A line that does not parse is skipped,
 * so one damaged record costs that record and never the bucket.
 */
export function applyLine(state: BucketRecords, line: string): void {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return;
  }
  const parsed = LogEntry.safeParse(json);
  if (!parsed.success) return;
  const entry = parsed.data;
  if ('o' in entry) state.objects.set(entry.o.key, entry.o);
  else if ('d' in entry) state.objects.delete(entry.d);
  else if ('u' in entry) state.uploads.set(entry.u.uploadId, { record: entry.u, parts: new Map() });
  else if ('p' in entry) state.uploads.get(entry.i)?.parts.set(entry.p.partNumber, entry.p);
  else state.uploads.delete(entry.x);
}

/** The lines that rebuild `state` on their own: what a rewritten log holds. */
export function liveLines(state: BucketRecords): string[] {
  const lines: string[] = [];
  for (const record of state.objects.values()) lines.push(objectLine(record));
  for (const { record, parts } of state.uploads.values()) {
    lines.push(uploadLine(record));
    for (const part of parts.values()) lines.push(partLine(record.uploadId, part));
  }
  return lines;
}

/** How many lines liveLines would return, without building them. */
export function liveCount(state: BucketRecords): number {
  let count = state.objects.size;
  for (const upload of state.uploads.values()) count += 1 + upload.parts.size;
  return count;
}
