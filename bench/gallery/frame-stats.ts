/** Frame times reduced to what the report shows. */
export interface FrameSummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Frames longer than one 60 Hz frame and a half: at least one vsync was missed. */
  droppedPct: number;
}

/** The nearest-rank percentile (0–100) of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError('percentile of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** Percentiles of frame durations in ms. */
export function summarizeFrames(frames: readonly number[]): FrameSummary {
  const dropped = frames.filter((ms) => ms > 25).length;
  return {
    count: frames.length,
    p50: round(percentile(frames, 50)),
    p95: round(percentile(frames, 95)),
    p99: round(percentile(frames, 99)),
    max: round(Math.max(...frames)),
    droppedPct: round((dropped / frames.length) * 100),
  };
}
