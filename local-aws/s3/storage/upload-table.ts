import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BlobStore } from './blob-store';
import { safeJson } from './object-table';
import { RecordWriter } from './record-writer';
import { PartRecord, UploadRecord } from './records';

/** Upload IDs are generated here and checked against this before they ever name a folder. */
export const UPLOAD_ID_PATTERN = /^[A-Za-z0-9]{32,128}$/;

interface UploadEntry {
  record: UploadRecord;
  parts: Map<number, PartRecord>;
}

/** Multipart uploads in progress, persisted one folder each so they survive a restart. */
export class UploadTable {
  private readonly uploads = new Map<string, UploadEntry>();
  // Every disk step of one upload (its record, its parts, its removal) is chained on its ID.
  private readonly writer = new RecordWriter();

  constructor(
    private readonly dir: string,
    private readonly blobs: BlobStore,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  /** Reads every upload and its parts from disk. */
  load(): void {
    for (const uploadId of readdirSync(this.dir)) {
      const folder = join(this.dir, uploadId);
      const record = UploadRecord.safeParse(safeJson(join(folder, 'upload.json')));
      if (!UPLOAD_ID_PATTERN.test(uploadId) || !record.success) {
        rmSync(folder, { recursive: true, force: true });
        continue;
      }
      const entry: UploadEntry = { record: record.data, parts: new Map() };
      for (const name of readdirSync(folder)) {
        if (!name.startsWith('part-')) continue;
        const part = PartRecord.safeParse(safeJson(join(folder, name)));
        if (!part.success) continue;
        entry.parts.set(part.data.partNumber, part.data);
        this.blobs.retain(part.data.file);
      }
      this.uploads.set(uploadId, entry);
    }
  }

  /** Starts tracking a new upload; on disk (fsynced) when the promise settles. */
  create(record: UploadRecord): Promise<void> {
    this.uploads.set(record.uploadId, { record, parts: new Map() });
    const path = join(this.dir, record.uploadId, 'upload.json');
    return this.writer.write(record.uploadId, path, JSON.stringify(record));
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
    const path = join(this.dir, uploadId, `part-${part.partNumber}.json`);
    await this.writer.write(uploadId, path, JSON.stringify(part));
    if (previous) this.blobs.release(previous.file);
    return true;
  }

  /**
   * Forgets an upload (aborted or completed) at once; its folder goes after `after` (the object
   * record a completion wrote) is on disk, and only then are its parts' blobs released.
   */
  async remove(uploadId: string, after?: Promise<unknown>): Promise<void> {
    const entry = this.uploads.get(uploadId);
    if (!entry) return;
    this.uploads.delete(uploadId);
    await this.writer.remove(uploadId, join(this.dir, uploadId), after);
    for (const part of entry.parts.values()) this.blobs.release(part.file);
  }
}
