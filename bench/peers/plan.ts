import { KiB, MiB } from '../workload';

/** The uploaders compared, in the order of the first repetition. */
export const CONTENDERS = ['hakobu', 'aws-cli', 'rclone', 'lib-storage'] as const;
export type Contender = (typeof CONTENDERS)[number];

/** The figure every ratio is taken against. */
export const BASELINE: Contender = 'aws-cli';

/** How each contender is named in tables and the chart. */
export const CONTENDER_NAMES: Record<Contender, string> = {
  hakobu: 'Hakobu CLI',
  'aws-cli': 'AWS CLI',
  rclone: 'rclone',
  'lib-storage': 'lib-storage',
};

/** One job every contender does: a big file or a folder of small ones, over one link. */
export interface PeerWorkload {
  id: 'large-loopback' | 'small-loopback' | 'large-wan' | 'small-wan' | 'huge-loopback';
  kind: 'large' | 'small';
  /** Run by this contender alone, once: the memory check on a file bigger than any comparison. */
  only?: Contender;
  link: 'loopback' | 'wan';
  latencyMs: number;
  files: number;
  fileBytes: number;
}

/** Sizes of the peer comparison and of the ceiling measurements. */
export interface PeerPlan {
  repetitions: number;
  workloads: PeerWorkload[];
  /** The bare PUT loop: objects of this size, this many in total, at each concurrency. */
  ceiling: { objectBytes: number; totalBytes: number; concurrencies: number[] };
  /** Bytes written (in 8 MiB chunks, fdatasync at the end) to measure the disk. */
  diskBytes: number;
  /** A run taking longer than this is killed and counts as failed. */
  runTimeoutMs: number;
}

const FULL = {
  large: { loopback: 1024 * MiB, wan: 256 * MiB },
  huge: 4096 * MiB,
  small: { loopback: 1000, wan: 300 },
  ceiling: { objectBytes: 8 * MiB, totalBytes: 1024 * MiB, concurrencies: [4, 8] },
  diskBytes: 1024 * MiB,
  runTimeoutMs: 10 * 60_000,
};

// Small enough for a smoke run, large enough that every uploader but rclone goes multipart
// (rclone's cutoff is 200 MiB, so in quick mode it sends its big file in one PUT).
const QUICK = {
  large: { loopback: 64 * MiB, wan: 24 * MiB },
  huge: 256 * MiB,
  small: { loopback: 100, wan: 30 },
  ceiling: { objectBytes: 8 * MiB, totalBytes: 128 * MiB, concurrencies: [4, 8] },
  diskBytes: 256 * MiB,
  runTimeoutMs: 3 * 60_000,
};

/** Every small file's size: a phone photo or a scanned page. */
export const SMALL_FILE_BYTES = 256 * KiB;

/** The peer plan for a run. */
export function peerPlanFor(options: {
  quick: boolean;
  wan: boolean;
  latencyMs: number;
  repetitions: number;
}): PeerPlan {
  const sizes = options.quick ? QUICK : FULL;
  const links = options.wan ? (['loopback', 'wan'] as const) : (['loopback'] as const);
  const workloads = links.flatMap((link): PeerWorkload[] => {
    const latencyMs = link === 'wan' ? options.latencyMs : 0;
    return [
      {
        id: `large-${link}`,
        kind: 'large',
        link,
        latencyMs,
        files: 1,
        fileBytes: sizes.large[link],
      },
      {
        id: `small-${link}`,
        kind: 'small',
        link,
        latencyMs,
        files: sizes.small[link],
        fileBytes: SMALL_FILE_BYTES,
      },
    ];
  });
  // Peak RSS must stay flat in file size: one Hakobu run on a file four times the big one.
  workloads.push({
    id: 'huge-loopback',
    kind: 'large',
    link: 'loopback',
    latencyMs: 0,
    files: 1,
    fileBytes: sizes.huge,
    only: 'hakobu',
  });
  return {
    repetitions: options.repetitions,
    workloads,
    ceiling: sizes.ceiling,
    diskBytes: sizes.diskBytes,
    runTimeoutMs: sizes.runTimeoutMs,
  };
}

/** Total bytes of a workload. */
export const workloadBytes = (w: PeerWorkload): number => w.files * w.fileBytes;
