import { summarize, type Summary } from '../stats';
import { MiB } from '../workload';
import { BASELINE, workloadBytes, type PeerWorkload } from './plan';

/** How one timed run of one contender ended. */
export type RunOutcome =
  | {
      ok: true;
      /** The upload's time: wall time, less the Hakobu CLI's sign-in (0 for the others). */
      seconds: number;
      wallSeconds: number;
      signInSeconds: number;
      peakRssBytes: number | undefined;
    }
  | { ok: false; reason: string; wallSeconds: number; peakRssBytes: number | undefined };

/** One timed run as the results file keeps it. */
export interface PeerRun {
  /** The entrant's id: a contender, or `hakobu-n8` for a sweep point. */
  contender: string;
  workloadId: PeerWorkload['id'];
  /** 0-based. */
  repetition: number;
  /** Position in the workload's interleaved order (0 = ran first). */
  slot: number;
  outcome: RunOutcome;
}

/** Throughput over the median, slowest and fastest run. */
export interface Throughput {
  median: number;
  min: number;
  max: number;
}

/** A contender's figures for one workload. */
export interface PeerFigure {
  contender: string;
  workloadId: PeerWorkload['id'];
  runs: number;
  failures: number;
  /** ok: every run uploaded everything; fails: at least one did not (see reason). */
  status: 'ok' | 'fails';
  /** The first failure's reason. */
  reason: string | undefined;
  /** Over the successful runs. */
  seconds: Summary | undefined;
  mibPerSecond: Throughput | undefined;
  /** Median throughput over the baseline's median; undefined when either one fails. */
  ratio: number | undefined;
  /** The highest peak RSS of any run (the whole process tree). */
  peakRssBytes: number | undefined;
}

function throughput(bytes: number, seconds: Summary): Throughput {
  const rate = (s: number) => bytes / MiB / s;
  return { median: rate(seconds.median), min: rate(seconds.max), max: rate(seconds.min) };
}

function maxDefined(values: (number | undefined)[]): number | undefined {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length > 0 ? Math.max(...known) : undefined;
}

/** Reduces the runs to one figure per contender and workload, with ratios to the baseline. */
export function peerFigures(
  runs: readonly PeerRun[],
  workloads: readonly PeerWorkload[],
  contenders: readonly string[],
): PeerFigure[] {
  const figures: PeerFigure[] = [];
  for (const workload of workloads) {
    const row = contenders.map((contender): PeerFigure => {
      const mine = runs.filter((r) => r.contender === contender && r.workloadId === workload.id);
      const seconds = mine.flatMap((r) => (r.outcome.ok ? [r.outcome.seconds] : []));
      const failed = mine.flatMap((r) => (r.outcome.ok ? [] : [r.outcome.reason]));
      const summary = seconds.length > 0 ? summarize(seconds) : undefined;
      return {
        contender,
        workloadId: workload.id,
        runs: mine.length,
        failures: failed.length,
        status: failed.length === 0 && mine.length > 0 ? 'ok' : 'fails',
        reason: failed[0] ?? (mine.length === 0 ? 'did not run' : undefined),
        seconds: summary,
        mibPerSecond: summary && throughput(workloadBytes(workload), summary),
        ratio: undefined,
        peakRssBytes: maxDefined(mine.map((r) => r.outcome.peakRssBytes)),
      };
    });
    const baseline = row.find((f) => f.contender === BASELINE);
    for (const figure of row) {
      if (figure.status === 'ok' && baseline?.status === 'ok') {
        figure.ratio = (figure.mibPerSecond?.median ?? 0) / (baseline.mibPerSecond?.median ?? 1);
      }
    }
    figures.push(...row);
  }
  return figures;
}
