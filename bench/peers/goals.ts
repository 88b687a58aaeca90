import type { PeerFigure } from './figures';
import type { PeerWorkload } from './plan';

/** One goal of issue 9 that the peer comparison measures, and how this run did. */
export interface GoalCheck {
  goal: string;
  target: string;
  measured: string;
  /** undefined: not measured in this run (a workload skipped or failed). */
  met: boolean | undefined;
  /** How far off a missed goal is, in words ("reached 53% of it"); empty when met or unknown. */
  shortfall: string;
}

/** The goals' thresholds. */
export const GOALS = {
  smallFilesRatio: 2,
  largeFileRatio: 1.5,
  shareOfCeiling: 0.7,
  ceilingMiBps: 250,
  peakRssBytes: 250e6,
} as const;

const times = (n: number) => `${n.toFixed(2)}×`;
const mibps = (n: number) => `${n.toFixed(0)} MiB/s`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

function check(
  goal: string,
  target: string,
  value: number | undefined,
  wanted: number,
  show: (n: number) => string,
  higherIsBetter = true,
): GoalCheck {
  if (value === undefined)
    return { goal, target, measured: 'not measured', met: undefined, shortfall: '' };
  const met = higherIsBetter ? value >= wanted : value <= wanted;
  const share = higherIsBetter ? value / wanted : wanted / value;
  return {
    goal,
    target,
    measured: show(value),
    met,
    shortfall: met ? '' : `reached ${(share * 100).toFixed(0)}% of it`,
  };
}

/**
 * Checks Hakobu's figures against the goals of issue 9 that this bench measures: its ratio to
 * the AWS CLI per workload, its share of the stand-in's ceiling, the ceiling itself, and peak RSS.
 */
export function checkGoals(
  figures: readonly PeerFigure[],
  workloads: readonly PeerWorkload[],
  ceilingMiBps: number | undefined,
  diskMiBps: number | undefined,
): GoalCheck[] {
  const hakobu = (id: PeerWorkload['id']) =>
    figures.find((f) => f.contender === 'hakobu' && f.workloadId === id);
  const checks: GoalCheck[] = [];
  for (const w of workloads) {
    if (w.only) continue; // no peer ran it, so there is no ratio
    const wanted = w.kind === 'small' ? GOALS.smallFilesRatio : GOALS.largeFileRatio;
    const where = w.link === 'wan' ? `+${w.latencyMs} ms per request` : 'loopback';
    const what = w.kind === 'small' ? `${w.files} small files` : 'one large file';
    checks.push(
      check(
        `Hakobu vs AWS CLI, ${what}, ${where}`,
        `≥ ${times(wanted)}`,
        hakobu(w.id)?.ratio,
        wanted,
        times,
      ),
    );
  }
  const largeLoopback = hakobu('large-loopback');
  if (workloads.some((w) => w.id === 'large-loopback')) {
    const share =
      largeLoopback?.mibPerSecond && ceilingMiBps
        ? largeLoopback.mibPerSecond.median / ceilingMiBps
        : undefined;
    checks.push(
      check(
        'Hakobu, one large file on loopback, share of the ceiling',
        `≥ ${(GOALS.shareOfCeiling * 100).toFixed(0)}%`,
        share,
        GOALS.shareOfCeiling,
        (n) => `${(n * 100).toFixed(0)}%`,
      ),
    );
  }
  const ofDisk = diskMiBps
    ? ` (${(GOALS.shareOfCeiling * 100).toFixed(0)}% of this disk: ${mibps(diskMiBps * GOALS.shareOfCeiling)})`
    : '';
  checks.push(
    check(
      "The stand-in's ceiling (bare signed PUT loop)",
      `≥ ${mibps(GOALS.ceilingMiBps)}${ofDisk}`,
      ceilingMiBps,
      GOALS.ceilingMiBps,
      mibps,
    ),
  );
  const peaks = figures
    .filter((f) => f.contender === 'hakobu')
    .flatMap((f) => (f.peakRssBytes === undefined ? [] : [f.peakRssBytes]));
  checks.push(
    check(
      `Hakobu peak RSS, highest over the workloads (up to ${mb(Math.max(...workloads.map((w) => w.fileBytes)))} in one file)`,
      `≤ ${mb(GOALS.peakRssBytes)}`,
      peaks.length > 0 ? Math.max(...peaks) : undefined,
      GOALS.peakRssBytes,
      mb,
      false,
    ),
  );
  return checks;
}
