import { parseArgs } from 'node:util';
import { z } from 'zod';

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
});
export type BenchOptions = z.infer<typeof BenchOptions>;

export const USAGE = `usage: npm run bench -- [--quick] [--no-wan] [--latency <ms>] [--reps <n>]

  --quick         small workloads, about a minute: a smoke run, not figures to decide on
  --no-wan        skip the cases with added per-request latency
  --latency <ms>  latency of the WAN cases (default 40)
  --reps <n>      timed repetitions per case (default 3)`;

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
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`${problems.join('; ')}\n${USAGE}`);
  }
  return parsed.data;
}
