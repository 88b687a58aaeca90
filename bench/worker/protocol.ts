import { z } from 'zod';

const Count = z.number().int().positive();

/** The transfer settings a case runs with (a slice of HakobuConfig.transfers). */
export const CaseTransfers = z.object({
  concurrency: Count,
  partConcurrency: Count,
  partSizeMiB: Count,
});
export type CaseTransfers = z.infer<typeof CaseTransfers>;

/** One measured configuration: what to upload, with which settings, over which link. */
export const BenchCase = z.object({
  /** Stable name, e.g. `large-p8-c4-lan`; also the S3 folder its uploads go to. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  workload: z.enum(['large', 'small']),
  /** Paths given to engine.enqueue (the large file, or the folder of small files). */
  paths: z.array(z.string()).min(1),
  /** A smaller upload run once, untimed, first: JIT, TLS-free sockets and caches warm up on it. */
  warmupPaths: z.array(z.string()),
  files: Count,
  bytes: Count,
  transfers: CaseTransfers,
  /** faults.latencyMs on the stand-in while the case runs (0: plain loopback). */
  latencyMs: z.number().int().nonnegative(),
  repetitions: Count,
});
export type BenchCase = z.infer<typeof BenchCase>;

/** What the orchestrator hands a worker on stdin. */
export const WorkerInput = z.object({
  /** The Hakobu config local-aws wrote (appConfig in local-aws.json). */
  configPath: z.string(),
  /** A current ID token from the orchestrator's signed-in session. */
  idToken: z.string().min(1),
  /** A scratch folder for the engine's journals. */
  scratchDir: z.string(),
  benchCase: BenchCase,
});
export type WorkerInput = z.infer<typeof WorkerInput>;

/** One timed upload of a case's whole workload. */
export const Repetition = z.object({
  seconds: z.number().positive(),
  /** CPU time (user + system) the worker spent meanwhile: the engine, the SDK and its hashing. */
  cpuSeconds: z.number().nonnegative(),
  /** Highest RSS sampled while the upload ran. */
  sampledPeakRssBytes: Count,
});
export type Repetition = z.infer<typeof Repetition>;

/** What a worker prints (after RESULT_MARKER) when every repetition succeeded. */
export const WorkerOutput = z.object({
  caseId: z.string(),
  repetitions: z.array(Repetition).min(1),
  /** RSS after sign-in and a full collection, before any upload: the process's own floor. */
  floorRssBytes: Count,
  /** The kernel's peak RSS of the worker process over its whole life (getrusage ru_maxrss). */
  maxRssBytes: Count,
});
export type WorkerOutput = z.infer<typeof WorkerOutput>;

/** Prefix of the one stdout line that carries a worker's result. */
export const RESULT_MARKER = 'HAKOBU_BENCH_RESULT ';
