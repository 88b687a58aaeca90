import { mkdirSync, symlinkSync, writeFileSync, chmodSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CognitoIdentityProviderClient,
  GlobalSignOutCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { demoUser, signInWithSrp } from '../helpers/sign-in';
import { s3Requests, sha256OfFile, writeTestFile } from '../local-aws/s3/s3-test-kit';
import {
  journalRecords,
  loginDemo,
  newMachine,
  runCli,
  startCli,
  waitFor,
  type CliMachine,
} from './cli-harness';
import { listKeys, objectSha256, useStandInWithUser } from './s3-check';

const MiB = 1024 * 1024;
const world = useStandInWithUser();

// Root reads any file whatever its mode; without the override capabilities it is held to the
// mode like everyone else, so "unreadable" means the same on a developer's machine and in CI.
const asOrdinaryUser =
  process.getuid?.() === 0
    ? ['setpriv', '--bounding-set', '-dac_override,-dac_read_search', '--']
    : [];

interface SummaryItem {
  name: string;
  key: string;
  size: number;
  state: string;
  error?: { code: string; message: string };
  notice?: { code: string; message: string };
}

const storedParts = (key: string) =>
  s3Requests(world.la).filter(
    (r) => r.action === 'UploadPart' && r.key === key && r.status === 200,
  );

/** Starts a slowed-down upload of one file and Ctrl-Cs it once a part is on S3. */
async function pausedUpload(machine: CliMachine, file: string, key: string) {
  await world.la.setFaults({ latencyMs: 300 });
  const upload = startCli(machine, ['upload', file]);
  await waitFor(() => storedParts(key).length >= 1, 'a part on S3');
  upload.child.kill('SIGINT');
  const result = await upload.result;
  await world.la.setFaults({ latencyMs: 0 });
  return result;
}

describe('hakobu upload with awkward files', () => {
  it('uploads what it can and names each file it cannot, with why', async () => {
    const machine = newMachine(world.la);
    await loginDemo(machine, world.la);
    const folder = join(machine.home, 'mixed');
    mkdirSync(folder);
    writeFileSync(join(folder, 'empty.txt'), '');
    writeFileSync(join(folder, 'fine.txt'), 'fine');
    writeFileSync(join(folder, 'locked.txt'), 'secret');
    chmodSync(join(folder, 'locked.txt'), 0o000);
    symlinkSync('loop-b', join(folder, 'loop-a'));
    symlinkSync('loop-a', join(folder, 'loop-b'));
    const deep = join(folder, ...Array.from({ length: 5 }, (_, i) => `${i}`.repeat(210)));
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, 'too-deep.txt'), 'x');
    const nfd = 'か\u3099ぞう.txt'; // "がぞう" as macOS spells it: か + combining dakuten
    writeFileSync(join(folder, nfd), 'nfd');

    const result = await runCli(machine, ['upload', folder, '--json'], { wrap: asOrdinaryUser });
    expect(result.code).toBe(1);
    const items = (JSON.parse(result.stdout) as { items: SummaryItem[] }).items;
    // Names are shown as the file system spells them; keys are NFC.
    const byName = new Map(items.map((item) => [item.name.normalize('NFC'), item]));
    expect(byName.get('empty.txt')).toMatchObject({ state: 'completed', size: 0 });
    expect(byName.get('fine.txt')).toMatchObject({ state: 'completed' });
    expect(byName.get('がぞう.txt')).toMatchObject({
      state: 'completed',
      key: `${world.user.prefix}mixed/がぞう.txt`,
    });
    expect(byName.get('locked.txt')).toMatchObject({
      state: 'failed',
      error: { code: 'transfer.unreadable' },
    });
    for (const loop of ['loop-a', 'loop-b']) {
      expect(byName.get(loop)).toMatchObject({
        state: 'failed',
        error: { code: 'transfer.symlinkLoop' },
      });
    }
    expect(byName.get('too-deep.txt')).toMatchObject({
      state: 'failed',
      error: { code: 'transfer.keyTooLong' },
    });
    // Each failure is one line on stderr saying what to do.
    expect(result.stderr).toMatch(/locked\.txt cannot be read \(EACCES\)/);
    expect(result.stderr).toMatch(/loop-a is a symbolic link that points back into itself/);
    expect(result.stderr).toMatch(/S3 allows 1024\. Shorten the file or folder names/);
    expect(result.stderr).not.toMatch(/\n\s+at /);

    const keys = await listKeys(world.user);
    const mixed = keys.filter((k) => k.key.startsWith(`${world.user.prefix}mixed/`));
    expect(mixed.map((k) => k.key.slice(world.user.prefix.length)).sort()).toEqual(
      ['mixed/empty.txt', 'mixed/fine.txt', 'mixed/がぞう.txt'].sort(),
    );
    expect(mixed.find((k) => k.key.endsWith('empty.txt'))?.size).toBe(0);
    expect(mixed.every((k) => k.key === k.key.normalize('NFC'))).toBe(true);
  });

  it('sends a file again from the start when it changes during the upload', async () => {
    const machine = newMachine(world.la, { partSizeMiB: 5, partConcurrency: 1, concurrency: 1 });
    await loginDemo(machine, world.la);
    const file = join(machine.home, 'growing.log');
    await writeTestFile(file, 30 * MiB, 11);
    const key = `${world.user.prefix}growing.log`;

    await world.la.setFaults({ latencyMs: 300 });
    const upload = startCli(machine, ['upload', file]);
    await waitFor(() => storedParts(key).length >= 1, 'a part on S3');
    appendFileSync(file, 'one more line\n');
    const result = await upload.result;
    await world.la.setFaults({ latencyMs: 0 });

    expect(result.code).toBe(0);
    expect(result.stderr).toContain('changed after its upload began');
    expect(await objectSha256(world.user, key)).toBe(await sha256OfFile(file));
  });
});

describe('hakobu after the session was revoked elsewhere', () => {
  it('asks for a new login, keeps the queue, and resume finishes it after login', async () => {
    const machine = newMachine(world.la, { partSizeMiB: 5, partConcurrency: 1, concurrency: 1 });
    await loginDemo(machine, world.la);
    const file = join(machine.home, 'report.pdf');
    await writeTestFile(file, 25 * MiB, 12);
    const key = `${world.user.prefix}report.pdf`;
    expect((await pausedUpload(machine, file, key)).code).toBe(1);

    // "Sign out everywhere" from another device revokes the CLI's refresh token too.
    const demo = demoUser(world.la);
    const other = await signInWithSrp(world.la, demo.username, demo.password);
    const idp = new CognitoIdentityProviderClient({
      region: world.la.info.region,
      endpoint: world.la.info.endpoint,
    });
    await idp.send(new GlobalSignOutCommand({ AccessToken: other.accessToken }));
    idp.destroy();

    const refused = await runCli(machine, ['resume']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/sign in again/i);
    expect(refused.stderr).toContain('Run `hakobu login`');
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(journalRecords(machine)).toMatchObject([{ key }]);

    await loginDemo(machine, world.la);
    const resumed = await runCli(machine, ['resume']);
    expect(resumed.code).toBe(0);
    expect(await objectSha256(world.user, key)).toBe(await sha256OfFile(file));
    expect(journalRecords(machine)).toEqual([]);
  });
});
