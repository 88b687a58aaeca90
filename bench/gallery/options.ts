// The gallery bench's command line.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { REPO_ROOT } from '../paths';

const Options = z.object({
  runs: z.number().int().min(1).max(20),
  images: z.number().int().min(1).max(100_000),
  /** Scroll speed, px per second: brisk, but slower than a fling. */
  speed: z.number().min(100).max(100_000),
  /** The source trees measured, by label: this checkout, and the one --compare names. */
  trees: z.array(z.object({ label: z.string(), root: z.string() })).min(1),
  /** A smoke run: its results go to gallery-latest-quick.json, which git ignores. */
  quick: z.boolean().default(false),
});
export type Options = z.input<typeof Options>;

/** The options from argv, or an error naming the bad one. */
export function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string' },
      images: { type: 'string' },
      speed: { type: 'string' },
      quick: { type: 'boolean', default: false },
      /** Another tree (an export of the commit before): measured in turn with this one. */
      compare: { type: 'string' },
    },
  });
  const quick = values.quick === true;
  const parsed = Options.safeParse({
    runs: Number(values.runs ?? (quick ? 1 : 3)),
    images: Number(values.images ?? (quick ? 2_000 : 10_000)),
    speed: Number(values.speed ?? 6_000),
    quick,
    trees: [
      { label: 'this tree', root: REPO_ROOT },
      ...(values.compare ? [{ label: values.compare, root: resolve(values.compare) }] : []),
    ],
  });
  if (!parsed.success) {
    throw new Error(
      `bad options: ${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}\n` +
        'usage: gallery-frames.ts [--runs 1..20] [--images 1..100000] [--speed px/s] [--quick] [--compare <tree>]',
    );
  }
  return parsed.data;
}
