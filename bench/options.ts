import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { REPO_ROOT } from './paths';

/** What `npm run bench -- …` accepts. */
export const BenchOptions = z.object({
  /** A ~1 minute smoke run with small workloads. */
  quick: z.boolean(),
  /** Also run the WAN-latency cases (on unless --no-wan). */
  wan: z.boolean(),
  /** The delay local-aws adds to every request in the WAN cases. */
  latencyMs: z.number().int().min(1).max(1000),
  /** Timed repetitions per case (the median is reported). */
  repetitions: z.number().int().min(1).max(20),
  /** Compare Hakobu's CLI with the AWS CLI, rclone and lib-storage instead of the engine matrix. */
  peers: z.boolean(),
  /** The built Hakobu CLI the peers run uses (another tree's build for a before/after). */
  hakobuCli: z.string().min(1),
  /** An earlier build of Hakobu's CLI run in the same rotation, as `hakobu-before`. */
  beforeCli: z.string().min(1).optional(),
  /** Hakobu parallelism values swept alongside the peers (empty: no sweep). */
  sweep: z.array(z.number().int().min(1).max(64)),
  /** Drop many tiny files on the window (Chromium, web harness) instead of the engine matrix. */
  drop: z.boolean(),
  /** Files per drop (at most what one 'transfers.enqueue' takes). */
  files: z.number().int().min(1).max(10_000),
  /** With --drop or --gallery: another source tree measured in turn with this one (a before/after). */
  compare: z.string().min(1).optional(),
  /** Scroll the gallery of a folder of many images in Chromium (first screen, frame times). */
  gallery: z.boolean(),
  /** Images seeded for --gallery. */
  images: z.number().int().min(1).max(100_000),
});
export type BenchOptions = z.infer<typeof BenchOptions>;

export const USAGE = `usage: npm run bench -- [--quick] [--no-wan] [--latency <ms>] [--reps <n>]
                     [--peers [--hakobu-cli <path>] [--before-cli <path>] [--sweep 4,8,16]]
                     [--drop [--files <n>] [--compare <tree>]]
                     [--gallery [--images <n>] [--compare <tree>]]

  --quick         small workloads, about a minute: a smoke run, not figures to decide on
  --no-wan        skip the cases with added per-request latency
  --latency <ms>  latency of the WAN cases (default 40)
  --reps <n>      timed repetitions per case (default 3)
  --peers         Hakobu's built CLI against the AWS CLI, rclone and lib-storage (npm run build first)
  --hakobu-cli <path>  the Hakobu CLI to run (default dist/cli/hakobu.mjs)
  --before-cli <path>  with --peers: also run an earlier build's CLI in the same rotation
  --sweep <list>  with --peers: also run Hakobu at these parallelisms (default 4,8,16; "" for none)
  --drop          drop many tiny files on the window through the web harness: time until all are
                  listed, frame times while they upload (Chromium; --reps runs per tree)
  --files <n>     files per drop (default 10000; 1000 with --quick)
  --gallery       sign in through the web harness in Chromium and scroll a folder of --images
                  images to its end: time to the first screen, frame times (--reps runs per tree)
  --images <n>    images seeded for --gallery (default 10000; 2000 with --quick)
  --compare <tree>  with --drop or --gallery: another checkout measured in turn (e.g. a git
                  worktree of HEAD)`;

/** Parses the command line; throws with the usage text on anything unknown or out of range. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        quick: { type: 'boolean', default: false },
        'no-wan': { type: 'boolean', default: false },
        latency: { type: 'string', default: '40' },
        reps: { type: 'string', default: '3' },
        peers: { type: 'boolean', default: false },
        'hakobu-cli': { type: 'string', default: join(REPO_ROOT, 'dist/cli/hakobu.mjs') },
        'before-cli': { type: 'string' },
        sweep: { type: 'string', default: '4,8,16' },
        drop: { type: 'boolean', default: false },
        files: { type: 'string' },
        compare: { type: 'string' },
        gallery: { type: 'boolean', default: false },
        images: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`, { cause: error });
  }
  if (values.help) return 'help';
  const parsed = BenchOptions.safeParse({
    quick: values.quick,
    wan: !values['no-wan'],
    latencyMs: Number(values.latency),
    repetitions: Number(values.reps),
    peers: values.peers,
    hakobuCli: resolve(values['hakobu-cli']),
    ...(values['before-cli'] ? { beforeCli: resolve(values['before-cli']) } : {}),
    sweep: values.sweep
      .split(',')
      .filter((v) => v.trim())
      .map(Number),
    drop: values.drop,
    files: Number(values.files ?? (values.quick ? 1_000 : 10_000)),
    ...(values.compare ? { compare: resolve(values.compare) } : {}),
    gallery: values.gallery,
    images: Number(values.images ?? (values.quick ? 2_000 : 10_000)),
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`${problems.join('; ')}\n${USAGE}`);
  }
  return parsed.data;
}
