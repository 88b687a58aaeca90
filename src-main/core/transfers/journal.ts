import { readdir, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomicAsync } from '../fs/atomic';
import { ensurePrivateDir } from '../fs/private-dir';

const UserErrorRecord = z.object({
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

const FinishedPart = z.object({
  partNumber: z.number().int().min(1).max(10_000),
  etag: z.string().min(1),
  checksumCRC32: z.string().min(1),
  size: z.number().int().nonnegative(),
});
export type FinishedPart = z.infer<typeof FinishedPart>;

const MultipartProgress = z.object({
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

/** Journal files written at once by saveMany: enough to overlap fsyncs, few enough for file handles. */
const PARALLEL_WRITES = 16;

export interface LoadedJournal {
  records: JournalRecord[];
  /** Files that could not be parsed; they are renamed to *.corrupt and left for inspection. */
  corrupt: string[];
}

/**
 * One JSON file per queued item in a folder, each replaced atomically. Writes for one item are
 * serialized, so the file always holds the latest state even when parts finish concurrently.
 */
export class TransferJournal {
  private readonly chains = new Map<string, Promise<void>>();
  private readonly removed = new Set<string>();
  private ready: Promise<void> | undefined;

  constructor(readonly dir: string) {}

  // The records name the user's files and folders: the folder is private (0700), once per journal.
  private ensureDir(): Promise<void> {
    this.ready ??= ensurePrivateDir(this.dir).catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  private pathOf(id: string): string {
    return join(this.dir, `${id}.json`);
  }

  private enqueue(id: string, step: () => Promise<void>): Promise<void> {
    const next = (this.chains.get(id) ?? Promise.resolve()).then(step);
    const settled = next.catch(() => undefined);
    this.chains.set(id, settled);
    void settled.then(() => {
      if (this.chains.get(id) === settled) this.chains.delete(id);
    });
    return next;
  }

  /** Reads every record in the folder, dropping leftovers of interrupted writes. */
  async load(): Promise<LoadedJournal> {
    await this.ensureDir();
    const names = await readdir(this.dir);
    const loaded: LoadedJournal = { records: [], corrupt: [] };
    for (const name of names) {
      const path = join(this.dir, name);
      if (name.endsWith('.tmp')) {
        await unlink(path).catch(() => undefined);
        continue;
      }
      if (!name.endsWith('.json')) continue;
      let parsed: ReturnType<typeof JournalRecord.safeParse>;
      try {
        parsed = JournalRecord.safeParse(JSON.parse(await readFile(path, 'utf8')));
      } catch {
        parsed = JournalRecord.safeParse(undefined);
      }
      if (parsed.success) loaded.records.push(parsed.data);
      else {
        loaded.corrupt.push(name);
        await rename(path, `${path}.corrupt`).catch(() => undefined);
      }
    }
    loaded.records.sort((a, b) => a.seq - b.seq);
    return loaded;
  }

  /** Persists the record as it is now (later mutations need another save). */
  save(record: JournalRecord): Promise<void> {
    const data = `${JSON.stringify(record)}\n`;
    return this.enqueue(record.id, async () => {
      if (this.removed.has(record.id)) return;
      await this.ensureDir();
      await writeFileAtomicAsync(this.pathOf(record.id), data);
    });
  }

  /** Saves many records, a few at a time (a dropped folder may hold thousands of files). */
  async saveMany(records: readonly JournalRecord[]): Promise<void> {
    for (let i = 0; i < records.length; i += PARALLEL_WRITES) {
      await Promise.all(records.slice(i, i + PARALLEL_WRITES).map((r) => this.save(r)));
    }
  }

  /** Deletes the record once pending writes for it have landed. */
  remove(id: string): Promise<void> {
    this.removed.add(id);
    return this.enqueue(id, async () => {
      await unlink(this.pathOf(id)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    });
  }
}
