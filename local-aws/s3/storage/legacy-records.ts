import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BucketRecords } from './log-entries';
import { ObjectRecord, PartRecord, UploadRecord } from './records';

/** Upload IDs are generated here and checked against this before they ever name a folder. */
export const UPLOAD_ID_PATTERN = /^[A-Za-z0-9]{32,128}$/;

// Before the record log, a bucket kept one JSON file per object (objects/<sha256(key)>.json) and
// one folder per upload (uploads/<id>/upload.json, part-<n>.json). Developers keep --data folders
// across versions, so those are read once, written into the log, and then removed.
const LEGACY_FOLDERS = ['objects', 'uploads'] as const;

/** True when the bucket still has records in the per-key layout. */
export function hasLegacyRecords(bucketDir: string): boolean {
  return LEGACY_FOLDERS.some((name) => existsSync(join(bucketDir, name)));
}

/** Reads the per-key records into `state`; files that no longer parse are skipped, not fatal. */
export function readLegacyRecords(bucketDir: string, state: BucketRecords): void {
  const objects = join(bucketDir, 'objects');
  if (existsSync(objects)) {
    for (const name of readdirSync(objects)) {
      if (!name.endsWith('.json')) continue;
      const parsed = ObjectRecord.safeParse(safeJson(join(objects, name)));
      if (parsed.success) state.objects.set(parsed.data.key, parsed.data);
    }
  }
  const uploads = join(bucketDir, 'uploads');
  if (!existsSync(uploads)) return;
  for (const uploadId of readdirSync(uploads)) {
    const folder = join(uploads, uploadId);
    const record = UploadRecord.safeParse(safeJson(join(folder, 'upload.json')));
    if (!UPLOAD_ID_PATTERN.test(uploadId) || !record.success) continue;
    const parts = new Map<number, PartRecord>();
    for (const name of readdirSync(folder)) {
      if (!name.startsWith('part-')) continue;
      const part = PartRecord.safeParse(safeJson(join(folder, name)));
      if (part.success) parts.set(part.data.partNumber, part.data);
    }
    state.uploads.set(uploadId, { record: record.data, parts });
  }
}

/** Removes the per-key layout; call only once the log holding its records is durable. */
export function removeLegacyRecords(bucketDir: string): void {
  for (const name of LEGACY_FOLDERS)
    rmSync(join(bucketDir, name), { recursive: true, force: true });
}

function safeJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}
