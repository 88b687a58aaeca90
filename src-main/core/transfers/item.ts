import { basename } from 'node:path';
import type { TransferItemView, TransferState, UserError } from '../../contract/views';
import type { ConflictChoice } from '../../contract/views';
import type { JournalRecord } from './journal';
import { etaSeconds, ProgressMeter } from './progress';

/** A request to stop a running item, and why: the reason decides what happens to its journal. */
export type StopReason = 'pause' | 'cancel' | 'shutdown';

/** One row of the transfer list, with what the engine needs to run it. */
export interface TransferItem {
  id: string;
  /** Absent for entries that failed while scanning: there is nothing to journal or resume. */
  record: JournalRecord | undefined;
  name: string;
  location: string;
  bucket: string;
  state: TransferState;
  error?: UserError;
  notice?: UserError;
  meter: ProgressMeter;
  /** The answer to a name conflict, once the user gave one. */
  conflictChoice?: ConflictChoice;
  run?: { controller: AbortController; stop?: StopReason; done: Promise<void> };
}

/** States after which an item never runs again. */
export const TERMINAL: ReadonlySet<TransferState> = new Set(['completed', 'skipped', 'cancelled']);

/** States that keep the engine busy (whenIdle waits for them). */
export const BUSY: ReadonlySet<TransferState> = new Set(['queued', 'uploading']);

/** The key an item goes to: the settled one once a conflict is resolved, else the asked-for one. */
export function itemKey(item: TransferItem): string {
  return item.record?.finalKey ?? item.record?.key ?? '';
}

/** The size of the item's file as last seen. */
export function itemSize(item: TransferItem): number {
  return item.record?.fingerprint.size ?? 0;
}

/** A new item for a journaled (or freshly journaled) file. */
export function itemFromRecord(record: JournalRecord): TransferItem {
  const item: TransferItem = {
    id: record.id,
    record,
    name: basename(record.relativePath),
    location: record.location,
    bucket: record.bucket,
    state: record.state,
    meter: new ProgressMeter(),
  };
  if (record.error) item.error = record.error;
  if (record.notice) item.notice = record.notice;
  const resumed = record.upload?.parts.reduce((sum, p) => sum + p.size, 0) ?? 0;
  item.meter.reset(resumed);
  return item;
}

/** The plain view of an item that crosses IPC. */
export function toView(item: TransferItem): TransferItemView {
  const size = itemSize(item);
  // Not clamped to size: retried bytes are taken back, so an overshoot would be a bug to see.
  const sentBytes = item.meter.sentBytes;
  const view: TransferItemView = {
    id: item.id,
    name: item.name,
    location: item.location,
    key: itemKey(item),
    size,
    sentBytes,
    state: item.state,
  };
  if (item.state === 'uploading') {
    const speed = item.meter.speed();
    if (speed !== undefined) {
      view.speed = speed;
      const eta = etaSeconds(size - sentBytes, speed);
      if (eta !== undefined) view.etaSeconds = eta;
    }
  }
  if (item.error) view.error = item.error;
  if (item.notice) view.notice = item.notice;
  return view;
}
