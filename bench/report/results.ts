import type { GitRevision, MachineInfo } from '../machine';
import type { BenchPlan } from '../plan';
import { summarize, type Summary } from '../stats';
import type { BenchCase, CaseTransfers, Repetition, WorkerOutput } from '../worker/protocol';
import { MiB } from '../workload';
import type { MemoryCheck } from './memory';
import type { Recommendation } from './recommend';

/** A measured case as the results file keeps it. */
export interface CaseResult {
  id: string;
  workload: 'large' | 'small';
  link: 'loopback' | 'wan';
  latencyMs: number;
  files: number;
  bytes: number;
  transfers: CaseTransfers;
  seconds: Summary;
  cpuSeconds: Summary;
  /** Bytes over the median time. */
  mibPerSecond: number;
  filesPerSecond: number;
  memory: {
    /** RSS after sign-in, before any upload. */
    floorRssBytes: number;
    /** The worker's kernel-reported peak RSS (warm-up and every repetition included). */
    peakRssBytes: number;
    /** peak − floor: what uploading added. */
    growthBytes: number;
    /** partConcurrency × partSize: what an uploader that buffers whole parts would hold. */
    partBufferBytes: number;
  };
  repetitions: Repetition[];
}

/** Everything one run wrote to bench/results/<date>-<sha>.json. */
export interface BenchResults {
  format: 'hakobu-bench/1';
  mode: BenchPlan['mode'];
  startedAt: string;
  durationSeconds: number;
  git: GitRevision;
  machine: MachineInfo;
  /** 1-minute load average when the run started and ended: other work skews the figures. */
  loadAverage: { start: number; end: number };
  plan: BenchPlan;
  cases: CaseResult[];
  memory: MemoryCheck;
  recommendation: Recommendation;
}

/** Reduces a worker's repetitions to medians and spreads. */
export function caseResult(benchCase: BenchCase, output: WorkerOutput): CaseResult {
  const seconds = summarize(output.repetitions.map((r) => r.seconds));
  return {
    id: benchCase.id,
    workload: benchCase.workload,
    link: benchCase.latencyMs > 0 ? 'wan' : 'loopback',
    latencyMs: benchCase.latencyMs,
    files: benchCase.files,
    bytes: benchCase.bytes,
    transfers: benchCase.transfers,
    seconds,
    cpuSeconds: summarize(output.repetitions.map((r) => r.cpuSeconds)),
    mibPerSecond: benchCase.bytes / MiB / seconds.median,
    filesPerSecond: benchCase.files / seconds.median,
    memory: {
      floorRssBytes: output.floorRssBytes,
      peakRssBytes: output.maxRssBytes,
      growthBytes: Math.max(0, output.maxRssBytes - output.floorRssBytes),
      partBufferBytes: benchCase.transfers.partConcurrency * benchCase.transfers.partSizeMiB * MiB,
    },
    repetitions: output.repetitions,
  };
}
