import type { BenchPlan } from '../plan';
import type { CaseTransfers } from '../worker/protocol';
import type { CaseResult } from './results';
import { pick, scoreSettings, TOLERANCE, WAN_WEIGHT, type Scored } from './scoring';

/** Suggested transfer defaults and why. */
export interface Recommendation {
  concurrency: number;
  partConcurrency: number;
  partSizeMiB: number;
  reasons: string[];
}

const pct = (n: number) => `${Math.round(n * 100)}%`;
const versusBest = (chosen: Scored, best: Scored, bestName: string) =>
  chosen === best
    ? 'the best score'
    : `${pct(chosen.score / best.score)} of the best score (${bestName})`;
const rates = (s: Scored, unit: (c: CaseResult) => string) =>
  [s.wan && `${unit(s.wan)} with latency`, s.loopback && `${unit(s.loopback)} on loopback`]
    .filter(Boolean)
    .join(', ');

/** Picks transfers.concurrency, partConcurrency and partSizeMiB from a run's cases. */
export function recommend(
  cases: readonly CaseResult[],
  context: { plan: BenchPlan; cpus: number; defaults: CaseTransfers },
): Recommendation {
  const { plan, cpus, defaults } = context;
  const reasons: string[] = [];
  const ranWan = cases.some((c) => c.link === 'wan');
  reasons.push(
    ranWan
      ? `Loopback on a ${cpus}-core machine is not a real network: local-aws, the engine, SigV4 signing and CRC32 checksums all share the same ${cpus} cores, so loopback figures measure CPU. The WAN cases (every request delayed ${plan.latencyMs} ms; bandwidth not capped) count ${pct(WAN_WEIGHT)} of each score, loopback ${pct(1 - WAN_WEIGHT)}.`
      : `Only loopback ran (--no-wan). On a ${cpus}-core machine that measures CPU, not a network: run with the WAN cases before changing defaults.`,
  );
  if (plan.mode === 'quick') {
    reasons.push(
      'This was a --quick smoke run: its workloads are too small to decide defaults on.',
    );
  }

  const large = cases.filter((c) => c.workload === 'large');
  let { partConcurrency, partSizeMiB } = defaults;
  if (large.length > 0) {
    const scored = scoreSettings(
      large,
      (c) => c.mibPerSecond,
      (c) => `${c.transfers.partSizeMiB}/${c.transfers.partConcurrency}`,
    );
    const { chosen, best } = pick(scored, (c) => [
      c.transfers.partConcurrency * c.transfers.partSizeMiB,
      c.transfers.partSizeMiB,
    ]);
    const t = (chosen.cases[0] as CaseResult).transfers;
    const b = (best.cases[0] as CaseResult).transfers;
    ({ partConcurrency, partSizeMiB } = t);
    const mbps = (c: CaseResult) => `${c.mibPerSecond.toFixed(0)} MiB/s`;
    reasons.push(
      `partSizeMiB ${t.partSizeMiB}, partConcurrency ${t.partConcurrency}: ${rates(chosen, mbps)}; ${versusBest(chosen, best, `${b.partSizeMiB} MiB × ${b.partConcurrency}`)}. Of the settings within ${pct(TOLERANCE)} of the best it keeps the fewest bytes in flight (${t.partConcurrency * t.partSizeMiB} MiB), so a failed part resends the least and progress and resume move in finer steps.`,
    );
  }

  const small = cases.filter((c) => c.workload === 'small');
  let { concurrency } = defaults;
  if (small.length > 0) {
    const scored = scoreSettings(
      small,
      (c) => c.filesPerSecond,
      (c) => String(c.transfers.concurrency),
    );
    const { chosen, best } = pick(scored, (c) => [c.transfers.concurrency]);
    concurrency = (chosen.cases[0] as CaseResult).transfers.concurrency;
    const fps = (c: CaseResult) => `${c.filesPerSecond.toFixed(0)} files/s`;
    const bestConcurrency = (best.cases[0] as CaseResult).transfers.concurrency;
    reasons.push(
      `concurrency ${concurrency}: ${rates(chosen, fps)}; ${versusBest(chosen, best, `${bestConcurrency} files at a time`)}. Each small file waits on a listing and a PUT, so only files side by side hide latency; among the settings within ${pct(TOLERANCE)} of the best this opens the fewest connections.`,
    );
  }

  reasons.push(
    `File and part concurrency were measured separately: together, a folder of large files can have concurrency × partConcurrency = ${concurrency * partConcurrency} parts (and connections) in flight at once. If that is too many for the users' networks, lower partConcurrency first and read its cost off the large-file tables.`,
  );
  const same =
    concurrency === defaults.concurrency &&
    partConcurrency === defaults.partConcurrency &&
    partSizeMiB === defaults.partSizeMiB;
  reasons.push(
    same
      ? `That matches the current defaults (${defaults.concurrency} / ${defaults.partConcurrency} / ${defaults.partSizeMiB} MiB): keep them.`
      : `The current defaults are concurrency ${defaults.concurrency}, partConcurrency ${defaults.partConcurrency}, partSizeMiB ${defaults.partSizeMiB}.`,
  );
  return { concurrency, partConcurrency, partSizeMiB, reasons };
}
