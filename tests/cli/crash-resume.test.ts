import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { s3Requests, sha256OfFile, writeTestFile } from '../local-aws/s3/s3-test-kit';
import { journalRecords, loginDemo, newMachine, runCli, startCli, waitFor } from './cli-harness';
import { listKeys, objectSha256, openUploads, useStandInWithUser } from './s3-check';

const MiB = 1024 * 1024;
const world = useStandInWithUser();

/** UploadPart requests for a key that S3 answered with 200, as `uploadId#partNumber`. */
const storedParts = (key: string) =>
  s3Requests(world.la)
    .filter((r) => r.action === 'UploadPart' && r.key === key && r.status === 200)
    .map((r) => `${r.uploadId}#${r.partNumber}`);

describe('hakobu upload survives a crash and a Ctrl-C', () => {
  it('continues a killed upload from the parts S3 already has, sending none twice', async () => {
    const machine = newMachine(world.la, { concurrency: 1, partConcurrency: 2, partSizeMiB: 8 });
    await loginDemo(machine, world.la);
    const file = join(machine.home, 'video.bin');
    await writeTestFile(file, 200 * MiB, 3);
    const key = `${world.user.prefix}video.bin`;

    // Slowed down so the kill lands mid-upload, wherever it lands.
    await world.la.setFaults({ latencyMs: 300 });
    const upload = startCli(machine, ['upload', file]);
    await waitFor(() => storedParts(key).length >= 12, 'about half of the 25 parts');
    upload.child.kill('SIGKILL');
    expect((await upload.result).signal).toBe('SIGKILL');
    expect(journalRecords(machine)).toMatchObject([{ key }]);
    await world.la.setFaults({ latencyMs: 0 });

    const resumed = await runCli(machine, ['resume']);
    expect(resumed.stderr).toBe('Resuming 1 upload.\n');
    expect(resumed.code).toBe(0);
    expect(await objectSha256(world.user, key)).toBe(await sha256OfFile(file));

    const forKey = s3Requests(world.la).filter((r) => r.key === key);
    const created = forKey.filter((r) => r.action === 'CreateMultipartUpload' && r.status === 200);
    expect(created).toHaveLength(1);
    expect(forKey.some((r) => r.action === 'ListParts' && r.status === 200)).toBe(true);
    const parts = storedParts(key);
    expect(new Set(parts).size).toBe(parts.length);
    expect(parts).toHaveLength(25);
    expect(journalRecords(machine)).toEqual([]);
    expect(await openUploads(world.user)).toEqual([]);
  });

  it('pauses on Ctrl-C, keeps the parts for resume, and cancel leaves nothing on S3', async () => {
    const machine = newMachine(world.la, { concurrency: 1, partConcurrency: 1, partSizeMiB: 5 });
    await loginDemo(machine, world.la);
    const file = join(machine.home, 'draft.bin');
    await writeTestFile(file, 40 * MiB, 4);
    const key = `${world.user.prefix}draft.bin`;

    await world.la.setFaults({ latencyMs: 300 });
    const upload = startCli(machine, ['upload', file]);
    await waitFor(() => storedParts(key).length >= 2, 'two parts on S3');
    upload.child.kill('SIGINT');
    const paused = await upload.result;
    await world.la.setFaults({ latencyMs: 0 });
    expect(paused.code).toBe(1);
    expect(paused.stderr).toContain('Run `hakobu resume` to continue');
    expect(journalRecords(machine)).toMatchObject([{ key, state: 'paused' }]);
    expect(await openUploads(world.user)).toMatchObject([{ key }]);

    const cancel = await runCli(machine, ['cancel']);
    expect(cancel.code).toBe(0);
    expect(cancel.stdout).toContain('Cancelled 1 upload');
    expect(await openUploads(world.user)).toEqual([]);
    expect(journalRecords(machine)).toEqual([]);
    expect((await listKeys(world.user)).map((k) => k.key)).not.toContain(key);

    const resume = await runCli(machine, ['resume']);
    expect(resume).toMatchObject({ code: 0, stdout: 'Nothing to resume.\n' });
  });
});
