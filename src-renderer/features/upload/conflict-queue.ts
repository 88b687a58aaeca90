import type { ConflictPrompt, TransfersSnapshot } from '../../../src-main/contract/views';

/** A name conflict waiting for the user; `existing` is unknown when the prompt event was missed. */
export type PendingConflict = Omit<ConflictPrompt, 'existing'> & {
  existing?: ConflictPrompt['existing'];
};

/**
 * The conflicts still waiting, oldest first: prompts whose item is still in the 'conflict' state
 * (an "apply to all" answer or a cancel settles the rest), plus conflict items whose prompt this
 * window never saw (it was reloaded or reconnected after the event).
 */
export function pendingConflicts(
  prompts: readonly ConflictPrompt[],
  snapshot: TransfersSnapshot | null,
): PendingConflict[] {
  if (!snapshot) return [...prompts];
  const states = new Map(snapshot.items.map((item) => [item.id, item.state]));
  // A prompt can arrive before the snapshot that lists its item: keep it until the item is known.
  const waiting: PendingConflict[] = prompts.filter((prompt) => {
    const state = states.get(prompt.itemId);
    return state === undefined || state === 'conflict';
  });
  const prompted = new Set(prompts.map((prompt) => prompt.itemId));
  for (const item of snapshot.items) {
    if (item.state === 'conflict' && !prompted.has(item.id)) {
      waiting.push({ itemId: item.id, location: item.location, key: item.key });
    }
  }
  return waiting;
}
