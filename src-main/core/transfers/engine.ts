import type {
  ConflictChoice,
  TransferState,
  TransfersDelta,
  TransfersSnapshot,
  TransfersTotal,
} from '../../contract/views';
import { parallelTransfers } from './budget';
import { silentLogger } from '../log/logger';
import { cancelItem } from './cancel-item';
import { createEngineSession } from './engine-session';
import { TransferError } from './errors';
import { TypedEmitter, type TransferEvents } from './events';
import { itemFromRecord, TERMINAL, toView, type TransferItem } from './item';
import { TransferJournal, type JournalRecord } from './journal';
import { planEnqueue, writableLocation } from './enqueue-plan';
import { TransferLedger } from './ledger';
import { ProgressMeter, Ticker } from './progress';
import type { S3ClientHolder } from './s3-client';
import type { S3Session } from './s3-call';
import { TransferQueue, type QueueHost } from './queue';
import type {
  EnqueueOptions,
  EnqueueOutcome,
  TransferConfig,
  TransferEngineOptions,
} from './types';

/** How often progress is reported while something uploads. */
const TICK_MS = 250;

/**
 * The resumable upload engine: a journaled queue of files, uploaded a few at a time with
 * parallel parts, with typed events and a snapshot for UIs. Plain Node; no Electron.
 */
export class TransferEngine implements QueueHost {
  private readonly ledger = new TransferLedger();
  /** Every item by id; add and remove them only through the ledger. */
  readonly items = this.ledger.items;
  readonly events = new TypedEmitter<TransferEvents>();
  readonly total = new ProgressMeter();
  readonly journal: TransferJournal;
  readonly session: S3Session;
  settings: TransferConfig['transfers'];
  conflictForAll?: ConflictChoice;
  private readonly holder: S3ClientHolder;
  private readonly queue: TransferQueue;
  private readonly ticker = new Ticker(() => this.tick(), TICK_MS);
  private idleWaiters: (() => void)[] = [];
  private seq = Date.now() * 1000;
  private closed = false;

  constructor(private readonly options: TransferEngineOptions) {
    this.settings = { ...options.config.transfers };
    this.journal = new TransferJournal(options.journalDir);
    const log = (options.logger ?? silentLogger).child('transfers');
    const s3 = createEngineSession(options, this.settings, log);
    this.holder = s3.holder;
    this.session = s3.session;
    this.queue = new TransferQueue(this);
    // The queue also emits stateChanged for a new notice: the ledger must send that row again.
    this.events.on('stateChanged', ({ id }) => this.ledger.refreshId(id));
  }

  /** Subscribes to an engine event; returns the unsubscribe function. */
  on<K extends keyof TransferEvents>(event: K, listener: (payload: TransferEvents[K]) => void) {
    return this.events.on(event, listener);
  }

  /** Moves an item to a state, tells listeners, and keeps the progress ticker and idle waiters current. */
  setState(item: TransferItem, state: TransferState): void {
    item.state = state;
    this.ledger.refresh(item);
    this.events.emit('stateChanged', toView(item));
    if (state === 'uploading') this.ticker.start();
    if (this.ledger.busy === 0) this.wakeIdle();
  }

  private wakeIdle(): void {
    for (const wake of this.idleWaiters.splice(0)) wake();
  }

  // Samples only the running items; false (stop ticking) once none is left.
  private tick(): boolean {
    const now = Date.now();
    const running = [...this.ledger.inState('uploading')];
    for (const item of running) {
      item.meter.sample(now);
      this.ledger.refresh(item);
    }
    this.total.sample(now);
    this.events.emit('progress', { items: running.map(toView), total: this.totals() });
    if (running.length === 0) this.total.idle();
    return running.length > 0;
  }

  private add(item: TransferItem): void {
    this.ledger.add(item);
    this.events.emit('itemAdded', toView(item));
  }

  /** Loads the journal of this identity: queued items run again, paused and failed ones wait. */
  async restore(): Promise<TransfersSnapshot> {
    const { records } = await this.journal.load();
    for (const record of records) {
      if (record.identityId !== this.options.identityId || this.items.has(record.id)) continue;
      const item = itemFromRecord(record);
      this.add(item);
      if (item.state === 'queued') this.queue.schedule(item);
    }
    return this.snapshot();
  }

  private assertOpen(): void {
    if (this.closed) throw new TransferError('transfer.closed', 'The transfer engine has stopped.');
  }

  /**
   * Adds files and folders (recursively). Each file is journaled before anything is sent;
   * entries that cannot be uploaded become failed items with a clear error, never an exception.
   * Links that lead out of a dropped folder are not followed: the outcome lists them.
   */
  async enqueue(paths: readonly string[], options: EnqueueOptions = {}): Promise<EnqueueOutcome> {
    this.assertOpen();
    const { items: added, skippedLinks } = await planEnqueue({
      paths,
      location: writableLocation(this.options.config.locations, options.location),
      identityId: this.options.identityId,
      ...(options.folder ? { folder: options.folder } : {}),
      nextSeq: () => this.seq++,
    });
    await this.journal.saveMany(added.flatMap((item) => (item.record ? [item.record] : [])));
    for (const item of added) {
      this.add(item);
      if (item.state === 'queued') this.queue.schedule(item);
      else this.events.emit('finished', { ...toView(item), bucket: item.bucket });
    }
    return { items: added.map(toView), skippedLinks };
  }

  private select(ids: readonly string[] | undefined): TransferItem[] {
    if (!ids) return [...this.items.values()];
    return [...new Set(ids)].flatMap((id) => this.items.get(id) ?? []);
  }

  private async persist(item: TransferItem, state: JournalRecord['state']): Promise<void> {
    if (!item.record) return;
    item.record.state = state;
    await this.journal.save(item.record);
  }

  /** Pauses items (all when `ids` is omitted): in-flight parts are aborted, finished parts are kept. */
  async pause(ids?: readonly string[]): Promise<TransfersSnapshot> {
    const targets = this.select(ids).filter((i) =>
      ['queued', 'uploading', 'conflict'].includes(i.state),
    );
    for (const item of targets) {
      this.setState(item, 'paused');
      if (item.record) item.record.state = 'paused';
      if (item.run) {
        item.run.stop = 'pause';
        item.run.controller.abort();
      }
    }
    await this.journal.saveMany(targets.flatMap((i) => (i.record ? [i.record] : [])));
    await Promise.all(targets.map((i) => i.run?.done));
    // An aborted part takes its bytes back after the state changed: count them again.
    for (const item of targets) this.ledger.refresh(item);
    return this.snapshot();
  }

  /** Resumes paused items (all when `ids` is omitted). */
  async resume(ids?: readonly string[]): Promise<TransfersSnapshot> {
    this.assertOpen();
    for (const item of this.select(ids)) {
      if (item.state !== 'paused' || item.run) continue;
      // Claim the item before the first await, so an overlapping resume cannot start it twice.
      this.setState(item, 'queued');
      await this.persist(item, 'queued');
      this.queue.schedule(item);
    }
    return this.snapshot();
  }

  /** Runs failed items again (all when `ids` is omitted); their finished parts are kept. */
  async retry(ids?: readonly string[]): Promise<TransfersSnapshot> {
    this.assertOpen();
    for (const item of this.select(ids)) {
      if (item.state !== 'failed' || !item.record || item.run) continue;
      delete item.error;
      delete item.record.error;
      this.setState(item, 'queued');
      await this.persist(item, 'queued');
      this.queue.schedule(item);
    }
    return this.snapshot();
  }

  /**
   * Cancels items (all when `ids` is omitted): stops them, aborts their multipart uploads so no
   * parts linger on S3, and forgets them. Resolves once S3 has confirmed the aborts.
   */
  async cancel(ids?: readonly string[]): Promise<TransfersSnapshot> {
    await Promise.all(this.select(ids).map((item) => cancelItem(this, item)));
    return this.snapshot();
  }

  /** Answers a conflict prompt; with `applyToAll`, every waiting and later conflict gets the same answer. */
  async resolveConflict(
    itemId: string,
    choice: ConflictChoice,
    applyToAll = false,
  ): Promise<TransfersSnapshot> {
    this.assertOpen();
    if (applyToAll) this.conflictForAll = choice;
    const targets = applyToAll
      ? [...this.ledger.inState('conflict')]
      : this.select([itemId]).filter((i) => i.state === 'conflict');
    for (const item of targets) {
      item.conflictChoice = choice;
      this.setState(item, 'queued');
      this.queue.schedule(item);
    }
    return this.snapshot();
  }

  /** Forgets completed, skipped and cancelled items, and failed ones that cannot be retried. */
  clearFinished(): TransfersSnapshot {
    const gone = [
      ...[...TERMINAL].flatMap((state) => [...this.ledger.inState(state)]),
      ...[...this.ledger.inState('failed')].filter((item) => !item.record),
    ];
    for (const item of gone) this.ledger.remove(item);
    if (gone.length) this.events.emit('removed', { ids: gone.map((item) => item.id) });
    return this.snapshot();
  }

  /** Applies changed transfer settings: concurrency at once, the rest to the next file. */
  updateSettings(patch: Partial<TransferConfig['transfers']>): void {
    this.settings = { ...this.settings, ...patch };
    const limit = parallelTransfers(this.settings);
    this.session.budget?.setLimit(limit);
    this.queue.setConcurrency(limit);
  }

  /** Every item and the totals, as the UI shows them, with the seq of the last delta taken. O(n). */
  snapshot(): TransfersSnapshot {
    const items = this.ledger.views();
    return { seq: this.ledger.seq, items, total: this.totals() };
  }

  /** The totals alone, in O(1) (plus the running items). */
  totals(): TransfersTotal {
    return this.ledger.total(this.total);
  }

  /** Items in `state` (a copy), without looking at the others. */
  itemsIn(state: TransferState): TransferItem[] {
    return [...this.ledger.inState(state)];
  }

  /** Only the items that changed (or left) since the previous delta, numbered by seq; starts a new round. */
  takeDelta(): TransfersDelta {
    return this.ledger.takeDelta(this.total);
  }

  /** Resolves when nothing is queued or uploading (paused, conflict and failed items wait for the user). */
  whenIdle(): Promise<void> {
    if (this.ledger.busy === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Stops everything without forgetting anything: in-flight requests are aborted, the journal
   * keeps every unfinished item as it was, so the next engine resumes them.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const running = [...this.items.values()].flatMap((item) => {
      if (!item.run) return [];
      item.run.stop = 'shutdown';
      item.run.controller.abort();
      return [item.run.done];
    });
    await Promise.all(running);
    await this.queue.drain();
    this.ticker.stop();
    this.holder.destroy();
    this.wakeIdle();
  }
}

/** Creates a transfer engine; call restore() to pick up what an earlier run left in the journal. */
export function createTransferEngine(options: TransferEngineOptions): TransferEngine {
  return new TransferEngine(options);
}
