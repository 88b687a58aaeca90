import { z } from 'zod';

const UserErrorRecord = z.object({
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const FinishedPart = z.object({
  partNumber: z.number().int().min(1).max(10_000),
  etag: z.string().min(1),
  checksumCRC32: z.string().min(1),
  size: z.number().int().nonnegative(),
});
export type FinishedPart = z.infer<typeof FinishedPart>;

export const MultipartProgress = z.object({
  uploadId: z.string().min(1),
  partSize: z.number().int().positive(),
  parts: z.array(FinishedPart),
  /** Set just before CompleteMultipartUpload: if the upload is gone afterwards, it may have completed. */
  completing: z.boolean().default(false),
});
export type MultipartProgress = z.infer<typeof MultipartProgress>;

/** One queued item, persisted from the moment it is enqueued until it completes or is cancelled. */
export const JournalRecord = z.object({
  version: z.literal(1),
  id: z.string().min(1).max(64),
  /** Enqueue order, so a restored queue runs in the order the user added files. */
  seq: z.number(),
  identityId: z.string().min(1),
  sourcePath: z.string().min(1),
  relativePath: z.string().min(1),
  location: z.string(),
  bucket: z.string().min(1),
  /** The key asked for; finalKey is where it goes once a name conflict is settled. */
  key: z.string().min(1),
  finalKey: z.string().min(1).optional(),
  /** Size and mtime when the upload started: if they differ later, the file changed. */
  fingerprint: z.object({ size: z.number().int().nonnegative(), mtimeMs: z.number() }),
  state: z.enum(['queued', 'paused', 'failed']),
  error: UserErrorRecord.optional(),
  notice: UserErrorRecord.optional(),
  upload: MultipartProgress.optional(),
});
export type JournalRecord = z.infer<typeof JournalRecord>;

/**
 * One line of a journal log. `at` is the wall-clock time of the commit that wrote it: it orders
 * changes to one item across the logs of different processes (the app and the CLI).
 */
export const LogEntry = z.discriminatedUnion('op', [
  z.object({ op: z.literal('put'), at: z.number(), record: JournalRecord }),
  z.object({ op: z.literal('del'), at: z.number(), id: JournalRecord.shape.id }),
]);
export type LogEntry = z.infer<typeof LogEntry>;

/** What load() found: the live records in enqueue order, and what could not be read. */
export interface LoadedJournal {
  records: JournalRecord[];
  /** Unreadable data: old per-item files (renamed to *.corrupt) or log lines ("log line N"; a copy is kept as *.corrupt). */
  corrupt: string[];
}
