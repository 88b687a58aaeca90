import type { BlobStore } from './blob-store';
import { partLine, uploadEndLine, uploadLine, type UploadState } from './log-entries';
import type { RecordLog } from './record-log';
import type { PartRecord, UploadRecord } from './records';

export { UPLOAD_ID_PATTERN } from './legacy-records';

/**
 * Multipart uploads in progress, in memory and as lines of the bucket's record log, so they
 * survive a restart. The log keeps call order, so a part's line always lands after its upload's
 * and before the line that ends the upload.
 */
export class UploadTable {
  /** Takes over the uploads replayed from disk and retains their parts' blobs. */
  constructor(
    private readonly uploads: Map<string, UploadState>,
    private readonly log: RecordLog,
    private readonly blobs: BlobStore,
  ) {
    for (const { parts } of uploads.values()) {
      for (const part of parts.values()) blobs.retain(part.file);
    }
  }

  /** Starts tracking a new upload; on disk (fdatasynced) when the promise settles. */
  create(record: UploadRecord): Promise<void> {
    this.uploads.set(record.uploadId, { record, parts: new Map() });
    return this.log.append(uploadLine(record));
  }

  /** The upload, if it exists (unknown or malformed IDs simply are not found). */
  get(uploadId: string): UploadRecord | undefined {
    return this.uploads.get(uploadId)?.record;
  }

  /** Every upload in progress. */
  all(): UploadRecord[] {
    return [...this.uploads.values()].map((u) => u.record);
  }

  /** The stored parts of an upload, by ascending part number. */
  parts(uploadId: string): PartRecord[] {
    const entry = this.uploads.get(uploadId);
    if (!entry) return [];
    return [...entry.parts.values()].sort((a, b) => a.partNumber - b.partNumber);
  }

  /**
   * Records a part, replacing an earlier upload of the same number. Returns false when the upload
   * was completed or aborted while the part was streaming in (the caller then drops the blob).
   */
  async putPart(uploadId: string, part: PartRecord): Promise<boolean> {
    const entry = this.uploads.get(uploadId);
    if (!entry) return false;
    const previous = entry.parts.get(part.partNumber);
    this.blobs.retain(part.file);
    entry.parts.set(part.partNumber, part);
    await this.log.append(partLine(uploadId, part));
    if (previous) this.blobs.release(previous.file);
    return true;
  }

  /**
   * Forgets an upload (aborted or completed) at once. Its end lands in the log after anything
   * appended before, such as the object record a completion wrote; only once both are durable, and
   * `after` has settled, are its parts' blobs released (the object may still hold them).
   */
  async remove(uploadId: string, after?: Promise<unknown>): Promise<void> {
    const entry = this.uploads.get(uploadId);
    if (!entry) return;
    this.uploads.delete(uploadId);
    await this.log.append(uploadEndLine(uploadId));
    await after?.catch(() => undefined);
    for (const part of entry.parts.values()) this.blobs.release(part.file);
  }
}
