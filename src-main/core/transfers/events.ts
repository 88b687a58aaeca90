import type { ConflictPrompt, TransferItemView, TransfersTotal } from '../../contract/views';

/** Everything the engine tells its listeners (the desktop IPC layer, the CLI, tests). */
export interface TransferEvents {
  /** A file (or a problem found while scanning a dropped folder) joined the list. */
  itemAdded: TransferItemView;
  /** An item moved to another state, or gained an error or notice. */
  stateChanged: TransferItemView;
  /** Byte-level progress of running items and in total; at most every 250 ms while active. */
  progress: { items: TransferItemView[]; total: TransfersTotal };
  /** Items the engine forgot (clearFinished). */
  removed: { ids: string[] };
  /** An existing object has the item's key and the policy is 'ask': answer with resolveConflict. */
  conflict: ConflictPrompt;
  /** An item reached completed, skipped, failed or cancelled. */
  finished: TransferItemView & { bucket: string };
}

type Listener<T> = (payload: T) => void;

/** A minimal typed event emitter: listeners are called synchronously, and one that throws cannot break the engine. */
export class TypedEmitter<E extends object> {
  private readonly listeners = new Map<keyof E, Set<Listener<never>>>();

  /** Subscribes; returns the unsubscribe function. */
  on<K extends keyof E>(event: K, listener: Listener<E[K]>): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as Listener<never>);
    return () => set.delete(listener as Listener<never>);
  }

  /** Calls every listener of `event` with `payload`. */
  emit<K extends keyof E>(event: K, payload: E[K]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        (listener as Listener<E[K]>)(payload);
      } catch (error) {
        // A faulty subscriber must not stop uploads: report it as a warning and go on.
        process.emitWarning(`transfer event listener for ${String(event)} threw: ${String(error)}`);
      }
    }
  }
}
