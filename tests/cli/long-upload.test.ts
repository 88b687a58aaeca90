import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256OfFile, writeTestFile } from '../local-aws/s3/s3-test-kit';
import { readFileSync } from 'node:fs';
import { journalRecords, loginDemo, newMachine, runCli } from './cli-harness';
import { objectSha256, openUploads, useStandInWithUser } from './s3-check';

const MiB = 1024 * 1024;
const world = useStandInWithUser();

/** Cognito requests answered with 200 since a line of requests.log, by action. */
function cognitoCallsSince(line: number): Record<string, number> {
  const counts: Record<string, number> = {};
  const lines = readFileSync(join(world.la.dataDir, 'requests.log'), 'utf8')
    .split('\n')
    .slice(line);
  for (const text of lines.filter(Boolean)) {
    const entry = JSON.parse(text) as { service: string; action?: string; status?: number };
    if (entry.service.startsWith('cognito') && entry.action && entry.status === 200) {
      counts[entry.action] = (counts[entry.action] ?? 0) + 1;
    }
  }
  return counts;
}

describe('hakobu upload outlasting its credentials', () => {
  it('uploads 200 MiB over several 60-second credential and token lifetimes, intact', async () => {
    // One part at a time, each answered seconds late: about 2.5 minutes for 25 parts, so the
    // credentials and tokens (60 s, renewed 12 s ahead) run out several times on the way.
    const machine = newMachine(world.la, { concurrency: 1, partConcurrency: 1, partSizeMiB: 8 });
    await loginDemo(machine, world.la);
    const file = join(machine.home, 'archive.tar');
    await writeTestFile(file, 200 * MiB, 21);
    const key = `${world.user.prefix}archive.tar`;
    const before =
      readFileSync(join(world.la.dataDir, 'requests.log'), 'utf8').split('\n').length - 1;
    await world.la.setFaults({
      credentialLifetimeSeconds: 60,
      tokenLifetimeSeconds: 60,
      latencyMs: 4300,
    });

    const result = await runCli(machine, ['upload', file, '--json']);
    await world.la.setFaults({ latencyMs: 0 });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, completed: 1 });
    expect(await objectSha256(world.user, key)).toBe(await sha256OfFile(file));
    expect(await openUploads(world.user)).toEqual([]);
    expect(journalRecords(machine)).toEqual([]);

    // The premise held: credentials and ID tokens were renewed more than once mid-upload.
    const calls = cognitoCallsSince(before);
    expect(calls.GetCredentialsForIdentity ?? 0).toBeGreaterThanOrEqual(3);
    expect(
      (calls.InitiateAuth ?? 0) + (calls.GetTokensFromRefreshToken ?? 0),
    ).toBeGreaterThanOrEqual(3);
  }, 360_000);
});
