import { readdir, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ensurePrivateDir } from '../../fs/private-dir';
import { changeLine, entryLine, idOf, liveRecords, mergeLogs, type Change } from './log-format';
import { OwnLog, type LogLine } from './own-log';
import { isLogName, newLogName, scanFolder } from './scan';
import type { JournalRecord, LoadedJournal } from './schema';

// The log is rewritten once it is mostly superseded lines: then rewriting costs about as much
// as the appends since the last rewrite, so its size stays within a few times the live records.
const COMPACT_MIN_BYTES = 1024 * 1024;
const COMPACT_RATIO = 4;

// Commit times only move forward, across every journal of this process and past every time
// found on disk: within a log, a later line must never look older (a clock set back, say).
let lastCommit = 0;
const nextCommitTime = (): number => (lastCommit = Math.max(Date.now(), lastCommit + 1));

/*
 * WHY one log per journal instance, claimed by whoever loads: the app and the CLI use the same
 * folder (userData/transfers/<identity>, see session-services.ts and cli/runtime/context.ts)
 * and may run at the same time, and two CLI runs may too. A lock would make the second one fail;
 * a shared log would lose appends to an inode that a compaction replaced. So each instance
 * appends only to a log of its own, and load() folds in every other log by renaming it first
 * (scan.ts), which is safe even while its writer is alive: the writer checks after each fsync
 * that its path still names the file it wrote (OwnLog.append) and otherwise writes the batch
 * again. Entries carry their commit time, so merging logs keeps the latest change of each item.
 * The residual race, two loads at the same instant, can at worst bring back a removed item: the
 * same as a crash just before a removal, which the engine already handles (conditional.ts).
 */

/**
 * The queued items of one identity, kept in an append-only log in a private folder. Changes
 * issued while a commit is in flight are written together and share the next fsync (group
 * commit), so a dropped folder of thousands of files costs a few fsyncs, not thousands.
 */
export class TransferJournal {
  private readonly removed = new Set<string>();
  private readonly log: OwnLog;
  private ready: Promise<void> | undefined;
  private pending: Change[] = [];
  private scheduled: Promise<void> | undefined;
  private chain: Promise<void> = Promise.resolve();

  constructor(readonly dir: string) {
    this.log = new OwnLog(join(dir, newLogName()));
  }

  // The records name the user's files and folders: the folder is private (0700), once per journal.
  private ensureDir(): Promise<void> {
    this.ready ??= ensurePrivateDir(this.dir).catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  // Commits and loads run one at a time, in the order they were asked for.
  private serially<T>(step: () => Promise<T>): Promise<T> {
    const next = this.chain.then(step);
    this.chain = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }

  private commit(changes: readonly Change[]): Promise<void> {
    if (changes.length === 0) return Promise.resolve();
    this.pending.push(...changes);
    this.scheduled ??= this.serially(() => {
      this.scheduled = undefined;
      return this.flush();
    });
    return this.scheduled;
  }

  private async flush(): Promise<void> {
    const changes = this.pending;
    this.pending = [];
    await this.ensureDir();
    const at = nextCommitTime();
    await this.log.append(changes.map((c) => ({ id: c.id, op: c.op, line: changeLine(c, at) })));
    // The changes are durable: a failed tidy-up must not fail them; the next commit tries again.
    await this.tidy().catch(() => undefined);
  }

  private async othersExist(): Promise<boolean> {
    const own = basename(this.log.path);
    return (await readdir(this.dir)).some((name) => isLogName(name) && name !== own);
  }

  // Removals are kept only while another log might hold an older copy of the item.
  private async tidy(): Promise<void> {
    if (this.log.liveCount === 0) {
      if (!(await this.othersExist())) await this.log.delete();
    } else if (
      this.log.size > COMPACT_MIN_BYTES &&
      this.log.size > COMPACT_RATIO * this.log.compactSize
    ) {
      await this.log.replace(this.log.compacted(await this.othersExist()));
    }
  }

  /**
   * Reads every record in the folder: the latest state of each, removed ones dropped, a change
   * torn by a crash ignored. Other processes' logs and pre-log per-item files are folded into
   * this journal's log (rewritten compactly) and deleted.
   */
  load(): Promise<LoadedJournal> {
    return this.serially(async () => {
      await this.ensureDir();
      const scan = await scanFolder(this.dir, basename(this.log.path));
      const state = mergeLogs(scan.sources);
      for (const entry of state.values()) lastCommit = Math.max(lastCommit, entry.at);
      const kept: LogLine[] = [];
      for (const entry of state.values()) {
        if (entry.op === 'put' || scan.othersRemain) {
          kept.push({ id: idOf(entry), op: entry.op, line: entryLine(entry) });
        }
      }
      await this.log.replace(kept);
      await Promise.all(
        scan.folded.map((path) =>
          unlink(path).catch((error: NodeJS.ErrnoException) => {
            if (error.code !== 'ENOENT') throw error;
          }),
        ),
      );
      return { records: liveRecords(state), corrupt: scan.corrupt };
    });
  }

  /** Persists the record as it is now (later mutations need another save); resolves once durable. */
  save(record: JournalRecord): Promise<void> {
    return this.saveMany([record]);
  }

  /** Persists many records with one commit (a dropped folder may hold thousands of files). */
  saveMany(records: readonly JournalRecord[]): Promise<void> {
    return this.commit(
      records
        .filter((r) => !this.removed.has(r.id))
        .map((r) => ({ op: 'put', id: r.id, json: JSON.stringify(r) })),
    );
  }

  /** Forgets the record for good (later saves of it are ignored); resolves once durable. */
  remove(id: string): Promise<void> {
    this.removed.add(id);
    return this.commit([{ op: 'del', id }]);
  }
}
