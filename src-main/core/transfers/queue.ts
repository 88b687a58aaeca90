import PQueue from 'p-queue';
import type { ConflictChoice, TransferState } from '../../contract/views';
import { parallelTransfers, partsPerFile } from './budget';
import {
  alreadyOnS3,
  ConditionalWriteRefused,
  holdsSameFile,
  type RefusalReason,
} from './conditional';
import { decideKey } from './conflicts';
import { type TransferError, toTransferError } from './errors';
import type { TransferEvents } from './events';
import type { TypedEmitter } from './events';
import { itemKey, TERMINAL, toView, type TransferItem } from './item';
import type { JournalRecord, TransferJournal } from './journal';
import { isSinglePut, partSizeFor } from './part-plan';
import type { ProgressMeter } from './progress';
import type { S3Session } from './s3-call';
import type { TransferConfig } from './types';
import { uploadFile } from './upload-file';

/** What the queue shares with the engine that owns it. */
export interface QueueHost {
  items: Map<string, TransferItem>;
  settings: TransferConfig['transfers'];
  session: S3Session;
  journal: TransferJournal;
  events: TypedEmitter<TransferEvents>;
  total: ProgressMeter;
  /** The answer given with "apply to all", for the rest of this session. */
  conflictForAll?: ConflictChoice;
  setState(item: TransferItem, state: TransferState): void;
}

/**
 * Starts up to N files at a time (N = parallelTransfers), but what is actually limited is
 * requests: every S3 request of every file and part waits for a slot of the session's shared
 * RequestBudget, so N small files send N PutObjects while one big file sends N UploadParts. An item only runs if it is still 'queued' when its turn comes, so pausing or
 * cancelling a waiting item needs nothing more than a state change.
 */
export class TransferQueue {
  private readonly queue: PQueue;
  /** Whether an item's settled key is written with If-None-Match, for as long as it runs again in this process. */
  private readonly conditions = new WeakMap<TransferItem, boolean>();

  constructor(private readonly host: QueueHost) {
    this.queue = new PQueue({ concurrency: parallelTransfers(host.settings) });
  }

  /** Applies a new file concurrency to the waiting items. */
  setConcurrency(concurrency: number): void {
    this.queue.concurrency = Math.max(1, concurrency);
  }

  /** Puts a 'queued' item in line. */
  schedule(item: TransferItem): void {
    void this.queue.add(() => this.run(item));
  }

  /** True when another unfinished item already settled on `key` (finished ones are on S3). */
  private isTakenByOther(item: TransferItem, key: string): boolean {
    for (const other of this.host.items.values()) {
      if (other !== item && other.record?.finalKey === key && !TERMINAL.has(other.state)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Settles the key: the write condition to upload with, or undefined when the item must wait
   * for an answer or is done. After a refused conditional write (`refused`) S3 is asked first.
   */
  private async settleKey(
    item: TransferItem,
    signal: AbortSignal,
    refused?: RefusalReason,
  ): Promise<{ ifNoneMatch: boolean } | undefined> {
    const record = item.record;
    if (!record || record.finalKey) return { ifNoneMatch: this.conditions.get(item) ?? false };
    if (refused === 'unsupported' && this.host.session.probe.conditionalWrites !== false) {
      this.host.session.probe.conditionalWrites = false;
      this.host.session.log.warn('the storage service ignores If-None-Match: looking keys up');
    }
    const policy =
      item.conflictChoice ?? this.host.conflictForAll ?? this.host.settings.conflictPolicy;
    const size = record.fingerprint.size;
    const singlePut = isSinglePut(size, partSizeFor(size, this.host.settings.partSizeMiB));
    for (;;) {
      const decision = await decideKey({
        session: this.host.session,
        bucket: record.bucket,
        key: record.key,
        policy,
        isTaken: (key) => this.isTakenByOther(item, key),
        conditionalWrites:
          this.host.settings.conditionalWrites !== false &&
          this.host.session.probe.conditionalWrites !== false,
        // A big file is looked up first: a refusal would come only after all of it was sent.
        lookUpFirst: refused !== undefined || !singlePut,
        ...(refused === 'taken' && singlePut
          ? {
              holdsThisFile: (key: string) =>
                holdsSameFile({
                  session: this.host.session,
                  bucket: record.bucket,
                  key,
                  sourcePath: record.sourcePath,
                  size,
                  signal,
                }),
            }
          : {}),
        signal,
      });
      if (decision.action === 'skip' || decision.action === 'alreadyThere') {
        await this.host.journal.remove(item.id);
        if (decision.action === 'alreadyThere') {
          item.notice = alreadyOnS3().toUserError();
          item.meter.reset(size);
        }
        this.finish(item, decision.action === 'skip' ? 'skipped' : 'completed');
        return undefined;
      }
      if (decision.action === 'ask') {
        this.host.setState(item, 'conflict');
        this.host.events.emit('conflict', {
          itemId: item.id,
          location: item.location,
          key: record.key,
          existing: decision.existing,
        });
        return undefined;
      }
      // A small file sent to the asked-for key with If-None-Match settles nothing to remember:
      // after a crash the same write is refused if it had landed, and the object is found to be
      // this file. Likewise overwriting the asked-for key. Any other outcome (a rename, a big
      // file's key found free) is saved, or a restart could take its own upload for a conflict.
      const asked = decision.key === record.key;
      if (asked && decision.ifNoneMatch && singlePut) return { ifNoneMatch: true };
      const overwriting = policy === 'overwrite' && asked;
      // Another item may have claimed the same name while we were asking S3.
      if (!overwriting && this.isTakenByOther(item, decision.key)) continue;
      record.finalKey = decision.key;
      this.conditions.set(item, decision.ifNoneMatch);
      if (!overwriting) await this.host.journal.save(record);
      return { ifNoneMatch: decision.ifNoneMatch };
    }
  }

  private finish(item: TransferItem, state: 'completed' | 'skipped' | 'failed'): void {
    this.host.setState(item, state);
    this.host.events.emit('finished', { ...toView(item), bucket: item.bucket });
  }

  private upload(
    item: TransferItem,
    record: JournalRecord,
    signal: AbortSignal,
    ifNoneMatch: boolean,
  ): Promise<void> {
    return uploadFile({
      record,
      ifNoneMatch,
      signal,
      session: this.host.session,
      journal: this.host.journal,
      partSizeMiB: this.host.settings.partSizeMiB,
      partConcurrency: () => partsPerFile(parallelTransfers(this.host.settings)),
      progress: {
        add: (n) => {
          item.meter.add(n);
          this.host.total.add(n);
        },
        subtract: (n) => {
          item.meter.subtract(n);
          this.host.total.subtract(n);
        },
        reset: (base) => item.meter.reset(base),
      },
      notice: (notice: TransferError) => {
        this.host.session.log.info(`${itemKey(item)}: ${notice.code}`);
        item.notice = notice.toUserError();
        record.notice = item.notice;
        this.host.events.emit('stateChanged', toView(item));
      },
    });
  }

  private async run(item: TransferItem): Promise<void> {
    const record = item.record;
    if (item.state !== 'queued' || !record) return;
    const controller = new AbortController();
    let settle: () => void = () => undefined;
    const run: NonNullable<TransferItem['run']> = {
      controller,
      done: new Promise<void>((resolve) => (settle = resolve)),
    };
    item.run = run;
    delete item.error;
    delete record.error;
    this.host.setState(item, 'uploading');
    try {
      for (let refused: RefusalReason | undefined; ;) {
        const settled = await this.settleKey(item, controller.signal, refused);
        if (!settled) return;
        try {
          await this.upload(item, record, controller.signal, settled.ifNoneMatch);
          break;
        } catch (error) {
          if (!(error instanceof ConditionalWriteRefused) || refused) throw error;
          this.host.session.log.info(
            `${itemKey(item)}: conditional write refused (${error.reason})`,
          );
          refused = error.reason;
          delete record.finalKey;
        }
      }
      await this.host.journal.remove(item.id);
      this.finish(item, 'completed');
    } catch (error) {
      if (run.stop) return;
      const failure = toTransferError(error, itemKey(item));
      this.host.session.log.warn(`upload of ${itemKey(item)} failed: ${failure.code}`, error);
      item.error = failure.toUserError();
      record.error = item.error;
      // An ended session is not the file's fault: the journal keeps it queued for the next sign-in.
      record.state = failure.code === 'transfer.signInRequired' ? 'queued' : 'failed';
      await this.host.journal.save(record).catch(() => undefined);
      this.finish(item, 'failed');
    } finally {
      item.meter.idle();
      item.run = undefined;
      settle();
    }
  }

  /** Resolves when every started item has stopped (the waiting ones are left in the journal). */
  async drain(): Promise<void> {
    this.queue.clear();
    await this.queue.onIdle();
  }
}
