import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLocalAws, type TestLocalAws } from '../helpers/local-aws';
import { loginDemo, newMachine, runCli, type CliMachine } from './cli-harness';

let la: TestLocalAws;
let machine: CliMachine;

beforeAll(async () => {
  la = await startTestLocalAws();
  machine = newMachine(la);
  await loginDemo(machine, la);
});
afterAll(async () => {
  await runCli(machine, ['logout']);
  await la.dispose();
});

interface Listing {
  location: string;
  prefix: string;
  path: string;
  folders: string[];
  objects: { key: string; name: string; size: number }[];
}

describe('hakobu ls and download', () => {
  it('lists folders relative to the prefix and downloads without replacing a file', async () => {
    const trip = join(machine.home, 'trip');
    mkdirSync(join(trip, 'day 1'), { recursive: true });
    writeFileSync(join(trip, 'day 1', 'sea.txt'), 'the sea');
    writeFileSync(join(trip, 'plan.txt'), 'the plan');
    expect((await runCli(machine, ['upload', trip, '--folder', '2024'])).code).toBe(0);

    const root = JSON.parse((await runCli(machine, ['ls', '--json'])).stdout) as Listing;
    expect(root).toMatchObject({ location: la.info.bucket, path: '', folders: ['2024/'] });
    expect(root.prefix).toMatch(/^ap-northeast-1:[0-9a-f-]{36}\/$/);

    const folder = await runCli(machine, ['ls', `${la.info.bucket}:2024/trip`, '--json']);
    const listing = JSON.parse(folder.stdout) as Listing;
    expect(listing.path).toBe('2024/trip/');
    expect(listing.folders).toEqual(['2024/trip/day 1/']);
    expect(listing.objects).toMatchObject([
      { name: 'plan.txt', size: 8, key: `${root.prefix}2024/trip/plan.txt` },
    ]);
    // A bare path means the first location; people read the same listing in words.
    const words = await runCli(machine, ['ls', '2024/trip']);
    expect(words.code).toBe(0);
    expect(words.stdout).toMatch(/^ +day 1\/$/m);
    expect(words.stdout).toMatch(/^ +8 B +[\d-]+ [\d:]+ +plan\.txt$/m);

    const downloads = mkdtempSync(join(machine.home, 'downloads-'));
    const first = await runCli(machine, [
      'download',
      `${la.info.bucket}:2024/trip/day 1/sea.txt`,
      '--to',
      downloads,
      '--json',
    ]);
    expect(first.code).toBe(0);
    const saved = (JSON.parse(first.stdout) as { savedTo: string }).savedTo;
    expect(saved).toBe(join(downloads, 'sea.txt'));
    expect(readFileSync(saved, 'utf8')).toBe('the sea');

    const second = await runCli(machine, ['download', '2024/trip/day 1/sea.txt'], {
      cwd: downloads,
    });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(join(downloads, 'sea (1).txt'));
    expect(readFileSync(join(downloads, 'sea.txt'), 'utf8')).toBe('the sea');
  });

  it('names the locations when asked for one that does not exist', async () => {
    const result = await runCli(machine, ['ls', 'elsewhere:photos']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `hakobu: There is no location named "elsewhere". Locations: ${la.info.bucket}.\n`,
    );
  });
});
