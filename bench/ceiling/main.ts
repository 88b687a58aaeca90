import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureBareHttp, measureCeiling, measureDiskRate } from './index';

// Usage: npx tsx bench/ceiling/main.ts [--runs 3] [--size 8] [--total 512] [--concurrency 4,8,16]
//   [--prof dir] [--before <another tree>: its local-aws measured in turn with this one's]
const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? (args[at + 1] ?? fallback) : fallback;
};
const runs = Number(flag('runs', '3'));
const sizeMiB = Number(flag('size', '8'));
const totalMiB = Number(flag('total', '512'));
const concurrencies = flag('concurrency', '4,8,16').split(',').map(Number);
const prof = flag('prof', '');
const before = flag('before', '');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const fmt = (xs: number[]) =>
  `${median(xs).toFixed(0)} MiB/s (${xs.map((x) => x.toFixed(0)).join(', ')})`;

const scratch = mkdtempSync(join(tmpdir(), 'hakobu-ceiling-'));
try {
  const disk: number[] = [];
  for (let i = 0; i < runs; i++) disk.push(await measureDiskRate(scratch, totalMiB));
  console.log(`disk, 8 MiB + fdatasync: ${fmt(disk)}`);
  for (const concurrency of concurrencies) {
    const bare: number[] = [];
    const ceiling: number[] = [];
    const older: number[] = [];
    const nodeArgs = prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : [];
    const once = async (root?: string) => {
      const dataDir = mkdtempSync(join(scratch, 'data-'));
      const common = { concurrency, sizeMiB, totalMiB, dataDir, nodeArgs };
      const rate = await measureCeiling(root ? { ...common, root } : common);
      rmSync(dataDir, { recursive: true, force: true });
      return rate;
    };
    for (let i = 0; i < runs; i++) {
      bare.push(await measureBareHttp({ concurrency, sizeMiB, totalMiB }));
      if (before) older.push(await once(before));
      ceiling.push(await once());
    }
    console.log(`c=${concurrency} bare http PUT: ${fmt(bare)}`);
    if (before) console.log(`c=${concurrency} local-aws signed PUT, ${before}: ${fmt(older)}`);
    console.log(`c=${concurrency} local-aws signed PUT: ${fmt(ceiling)}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
