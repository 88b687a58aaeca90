/** One timed run: which contender, and which repetition of the workload it belongs to. */
export interface ScheduledRun<T> {
  item: T;
  /** 0-based. */
  repetition: number;
}

/**
 * Interleaves repetitions so no contender always runs first or right after the same neighbour:
 * repetition 0 runs A B C D, repetition 1 runs B C D A, and so on. Drift in the machine's load
 * then spreads over every contender instead of landing on one.
 */
export function interleave<T>(items: readonly T[], repetitions: number): ScheduledRun<T>[] {
  const runs: ScheduledRun<T>[] = [];
  for (let repetition = 0; repetition < repetitions; repetition++) {
    for (let i = 0; i < items.length; i++) {
      runs.push({ item: items[(i + repetition) % items.length] as T, repetition });
    }
  }
  return runs;
}
