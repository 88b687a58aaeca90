import type { TransferItemView, TransferState } from '../../../src-main/contract/views';

export type TransferAction = 'pause' | 'resume' | 'cancel' | 'retry' | 'resolve';

/** What the user can do with an item in a given state, in the order the buttons appear. */
export function actionsFor(state: TransferState): TransferAction[] {
  switch (state) {
    case 'queued':
    case 'uploading':
      return ['pause', 'cancel'];
    case 'paused':
      return ['resume', 'cancel'];
    case 'conflict':
      return ['resolve', 'cancel'];
    case 'failed':
    case 'cancelled':
      return ['retry'];
    case 'completed':
    case 'skipped':
      return [];
  }
}

/** True once an item will not move again unless the user retries it. */
export function isFinished(state: TransferState): boolean {
  return (
    state === 'completed' || state === 'skipped' || state === 'failed' || state === 'cancelled'
  );
}

/** The colour of an item's progress bar. */
export function progressTone(state: TransferState): 'active' | 'paused' | 'failed' | 'done' {
  if (state === 'completed' || state === 'skipped') return 'done';
  if (state === 'failed') return 'failed';
  if (state === 'paused' || state === 'cancelled' || state === 'conflict') return 'paused';
  return 'active';
}

/** Which bulk commands make sense, from how many items are in each state (O(1), any list size). */
export function bulkFromCounts(counts: Readonly<Record<TransferState, number>>) {
  return {
    canPause: counts.queued + counts.uploading > 0,
    canResume: counts.paused > 0,
    canCancel: counts.queued + counts.uploading + counts.paused + counts.conflict > 0,
    canRetry: counts.failed > 0,
    canClear: counts.completed + counts.skipped + counts.cancelled > 0,
  };
}

/** Which bulk commands make sense for the queue as it stands. */
export function bulkActions(items: readonly TransferItemView[]) {
  const failedIds = items.filter((i) => i.state === 'failed').map((i) => i.id);
  return {
    canPause: items.some((i) => i.state === 'queued' || i.state === 'uploading'),
    canResume: items.some((i) => i.state === 'paused'),
    canCancel: items.some((i) => !isFinished(i.state)),
    failedIds,
    canClear: items.some((i) => isFinished(i.state) && i.state !== 'failed'),
  };
}
