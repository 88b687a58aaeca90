import type { BenchOptions } from './options';
import type { BenchCase, CaseTransfers } from './worker/protocol';
import { KiB, MiB } from './workload';

/** One large file uploaded with every part size × part concurrency combination. */
export interface LargeMatrix {
  fileMiB: number;
  warmupMiB: number;
  partSizesMiB: number[];
  partConcurrencies: number[];
}

/** A folder of small files uploaded with every file concurrency. */
export interface SmallMatrix {
  count: number;
  sizeKiB: number;
  warmupCount: number;
  concurrencies: number[];
}

/** Every case of a run, per link. */
export interface BenchPlan {
  mode: 'quick' | 'full';
  repetitions: number;
  latencyMs: number;
  loopback: { large: LargeMatrix; small: SmallMatrix };
  /** Undefined with --no-wan. */
  wan: { large: LargeMatrix; small: SmallMatrix } | undefined;
}

// Sized for about 10 minutes on 2 cores. Over the WAN link a small file costs ~100 ms at file
// concurrency 1 (a listing and a PUT, each delayed), so that folder is smaller than on loopback.
const FULL = {
  loopback: {
    large: {
      fileMiB: 256,
      warmupMiB: 64,
      partSizesMiB: [8, 16, 32],
      partConcurrencies: [1, 2, 4, 8],
    },
    small: { count: 500, sizeKiB: 64, warmupCount: 50, concurrencies: [1, 2, 4, 8] },
  },
  wan: {
    large: { fileMiB: 256, warmupMiB: 64, partSizesMiB: [8, 16, 32], partConcurrencies: [1, 4, 8] },
    small: { count: 200, sizeKiB: 64, warmupCount: 20, concurrencies: [1, 2, 4, 8] },
  },
};

const QUICK = {
  loopback: {
    large: { fileMiB: 64, warmupMiB: 16, partSizesMiB: [8, 16], partConcurrencies: [1, 4] },
    small: { count: 100, sizeKiB: 64, warmupCount: 10, concurrencies: [1, 4] },
  },
  wan: {
    large: { fileMiB: 64, warmupMiB: 16, partSizesMiB: [8], partConcurrencies: [1, 4] },
    small: { count: 40, sizeKiB: 64, warmupCount: 10, concurrencies: [1, 4] },
  },
};

/** The plan for the given options. */
export function planFor(options: BenchOptions): BenchPlan {
  const sizes = options.quick ? QUICK : FULL;
  return {
    mode: options.quick ? 'quick' : 'full',
    repetitions: options.repetitions,
    latencyMs: options.latencyMs,
    loopback: sizes.loopback,
    wan: options.wan ? sizes.wan : undefined,
  };
}

/** Where prepareWorkloads put one link's files. */
export interface LinkFiles {
  largeFile: string;
  largeWarmup: string;
  smallDir: string;
  smallWarmupDir: string;
}

/**
 * The cases of one link, large file first. Settings a case does not vary come from `defaults`
 * (the app config's, i.e. the config schema's defaults).
 */
export function casesFor(
  link: 'loopback' | 'wan',
  matrices: { large: LargeMatrix; small: SmallMatrix },
  files: LinkFiles,
  plan: BenchPlan,
  defaults: CaseTransfers,
): BenchCase[] {
  const latencyMs = link === 'wan' ? plan.latencyMs : 0;
  const { large, small } = matrices;
  const cases: BenchCase[] = [];
  for (const partSizeMiB of large.partSizesMiB) {
    for (const partConcurrency of large.partConcurrencies) {
      cases.push({
        id: `large-${link}-p${partSizeMiB}-c${partConcurrency}`,
        workload: 'large',
        paths: [files.largeFile],
        warmupPaths: [files.largeWarmup],
        files: 1,
        bytes: large.fileMiB * MiB,
        transfers: { concurrency: defaults.concurrency, partConcurrency, partSizeMiB },
        latencyMs,
        repetitions: plan.repetitions,
      });
    }
  }
  for (const concurrency of small.concurrencies) {
    cases.push({
      id: `small-${link}-f${concurrency}`,
      workload: 'small',
      paths: [files.smallDir],
      warmupPaths: [files.smallWarmupDir],
      files: small.count,
      bytes: small.count * small.sizeKiB * KiB,
      transfers: {
        concurrency,
        partConcurrency: defaults.partConcurrency,
        partSizeMiB: defaults.partSizeMiB,
      },
      latencyMs,
      repetitions: plan.repetitions,
    });
  }
  return cases;
}
