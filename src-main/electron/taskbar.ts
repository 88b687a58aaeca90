import type { TransfersTotal } from '../contract/views';

/** A snapshot or a 'transfers.changed' delta: both carry the queue's totals. */
type WithTotal = { total: TransfersTotal };

/** The taskbar/dock progress for a snapshot: a fraction while uploading, -1 (hidden) when idle. */
export function taskbarProgress(snapshot: WithTotal): number {
  const { active, size, sentBytes } = snapshot.total;
  if (active === 0 || size === 0) return -1;
  return Math.min(1, sentBytes / size);
}

export interface BatchSummary {
  completed: number;
  failed: number;
}

/**
 * Tells when a batch has just finished (uploads were running and now none are), so the app can
 * notify once per batch rather than once per file.
 */
export function batchWatcher(): (snapshot: WithTotal) => BatchSummary | undefined {
  let wasActive = false;
  let baseline: BatchSummary = { completed: 0, failed: 0 };
  return (snapshot) => {
    const { active, completed, failed } = snapshot.total;
    if (active > 0 && !wasActive) {
      wasActive = true;
      return undefined;
    }
    if (active === 0 && wasActive) {
      wasActive = false;
      const summary = {
        completed: completed - baseline.completed,
        failed: failed - baseline.failed,
      };
      baseline = { completed, failed };
      return summary;
    }
    if (active === 0) baseline = { completed, failed };
    return undefined;
  };
}
