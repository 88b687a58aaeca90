import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLocalAws, type TestLocalAws } from '../helpers/local-aws';
import { s3Requests, sha256OfFile, writeTestFile } from '../local-aws/s3/s3-test-kit';
import { journalRecords, loginDemo, newMachine, runCli } from './cli-harness';
import { objectSha256, openUploads, userS3 } from './s3-check';

const MiB = 1024 * 1024;
let la: TestLocalAws;

beforeAll(async () => {
  la = await startTestLocalAws();
});
afterAll(async () => {
  await la.dispose();
});

describe('hakobu upload through a flaky network', () => {
  it('uploads 20 files intact while UploadPart fails and connections reset', async () => {
    const machine = newMachine(la, { partSizeMiB: 5, partConcurrency: 3, concurrency: 3 });
    await loginDemo(machine, la);
    const user = await userS3(la);
    const folder = join(machine.home, 'album');
    mkdirSync(folder);
    const names = Array.from(
      { length: 20 },
      (_, i) => `photo-${String(i + 1).padStart(2, '0')}.raw`,
    );
    // 6–15 MiB each: two or three parts, so every file goes through UploadPart.
    for (const [i, name] of names.entries()) {
      await writeTestFile(join(folder, name), 6 * MiB + i * 470_000, 100 + i);
    }
    await la.setFaults({ uploadPartFailureRate: 0.1, uploadPartResetRate: 0.05, seed: 7 });

    const result = await runCli(machine, ['upload', folder, '--json']);
    await la.setFaults({ uploadPartFailureRate: 0, uploadPartResetRate: 0 });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { completed: number; failed: number };
    expect(summary).toMatchObject({ ok: true, completed: 20, failed: 0 });

    for (const name of names) {
      expect(await objectSha256(user, `${user.prefix}album/${name}`), name).toBe(
        await sha256OfFile(join(folder, name)),
      );
    }
    // The faults really happened: refused parts and cut connections, each retried.
    const parts = s3Requests(la).filter((r) => r.action === 'UploadPart');
    expect(parts.some((r) => r.status === 503)).toBe(true);
    expect(parts.some((r) => r.status === 0)).toBe(true);
    expect(await openUploads(user)).toEqual([]);
    expect(journalRecords(machine)).toEqual([]);
  });
});
