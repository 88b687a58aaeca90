import PQueue from 'p-queue';
import type { ConflictChoice, TransferState } from '../../contract/views';
import { parallelTransfers } from './budget';
import { decideKey } from './conflicts';
import { toTransferError, type TransferError } from './errors';
import type { TransferEvents } from './events';
import type { TypedEmitter } from './events';
import { itemKey, TERMINAL, toView, type TransferItem } from './item';
import type { TransferJournal } from './journal';
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

  /** Settles the key; false when the item must wait for an answer or was skipped. */
  private async settleKey(item: TransferItem, signal: AbortSignal): Promise<boolean> {
    const record = item.record;
    if (!record || record.finalKey) return true;
    const policy =
      item.conflictChoice ?? this.host.conflictForAll ?? this.host.settings.conflictPolicy;
    for (;;) {
      const decision = await decideKey({
        session: this.host.session,
        bucket: record.bucket,
        key: record.key,
        policy,
        isTaken: (key) => this.isTakenByOther(item, key),
        signal,
      });
      if (decision.action === 'skip') {
        await this.host.journal.remove(item.id);
        this.finish(item, 'skipped');
        return false;
      }
      if (decision.action === 'ask') {
        this.host.setState(item, 'conflict');
        this.host.events.emit('conflict', {
          itemId: item.id,
          location: item.location,
          key: record.key,
          existing: decision.existing,
        });
        return false;
      }
      // Another item may have claimed the same name while we were asking S3; overwriting the
      // asked-for key is what the policy wants, anything else must look again.
      const overwriting = policy === 'overwrite' && decision.key === record.key;
      if (!overwriting && this.isTakenByOther(item, decision.key)) continue;
      record.finalKey = decision.key;
      // Overwriting the asked-for key is re-derived after a crash just as well, so it costs no
      // fsync; any other outcome (a rename, a key found free under ask/skip) is saved, or a
      // restart could find its own finished upload and take it for a conflict.
      if (!overwriting) await this.host.journal.save(record);
      return true;
    }
  }

  private finish(item: TransferItem, state: 'completed' | 'skipped' | 'failed'): void {
    this.host.setState(item, state);
    this.host.events.emit('finished', { ...toView(item), bucket: item.bucket });
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
      if (!(await this.settleKey(item, controller.signal))) return;
      await uploadFile({
        record,
        signal: controller.signal,
        session: this.host.session,
        journal: this.host.journal,
        partSizeMiB: this.host.settings.partSizeMiB,
        partConcurrency: () => parallelTransfers(this.host.settings),
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
