import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loginProvider } from '../../helpers/identity';
import {
  demoIdentity,
  engineFixture,
  MiB,
  requestLog,
  sha256OfFile,
  waitFor,
  type DemoIdentity,
  useStandInWithSourceFolder,
} from './fixture';
import { journalRecordsOnDisk } from './journal-files';
import { TransferJournal } from '../../../src-main/core/transfers/journal';

const env = useStandInWithSourceFolder();

function journaledParts(journalDir: string): number {
  return journalRecordsOnDisk(journalDir)[0]?.upload?.parts.length ?? 0;
}

/** Runs the upload in a child process and SIGKILLs it once three parts are journaled. */
async function uploadUntilKilled(identity: DemoIdentity, journalDir: string, file: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'child/upload-child.ts')],
    {
      env: {
        ...process.env,
        HAKOBU_UPLOAD_JOB: JSON.stringify({
          endpoint: env.la.info.endpoint,
          region: env.la.info.region,
          identityPoolId: env.la.info.identityPoolId,
          loginProvider: loginProvider(env.la),
          idToken: identity.idToken,
          identityId: identity.identityId,
          bucket: env.la.info.bucket,
          journalDir,
          file,
        }),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  await waitFor(
    () => journaledParts(journalDir) >= 3 || child.exitCode !== null,
    'three journaled parts',
  );
  child.kill('SIGKILL');
  expect(await exited, stderr).toBe('SIGKILL');
}

describe('crash and resume', () => {
  it('resumes after SIGKILL without sending any finished part twice', async () => {
    await env.la.setFaults({ latencyMs: 100 });
    const identity = await demoIdentity(env.la);
    const journalDir = mkdtempSync(join(tmpdir(), 'hakobu-journal-'));
    const file = join(env.src, 'crash.bin');
    writeFileSync(file, randomBytes(48 * MiB));

    await uploadUntilKilled(identity, journalDir, file);

    // The one moment a kill cannot be timed for: S3 stored a part, the journal never heard of it.
    // Forgetting a journaled part recreates it; resume must find the part through ListParts.
    const journal = new TransferJournal(journalDir);
    const [record] = (await journal.load()).records;
    record?.upload?.parts.pop();
    if (record) await journal.save(record);

    const fx = await engineFixture(env.la, { identity, journalDir });
    expect(await fx.listUploads()).toHaveLength(1);
    await env.la.setFaults({ latencyMs: 0 });
    const restored = await fx.engine.restore();
    expect(restored.items.map((i) => i.name)).toEqual(['crash.bin']);
    await fx.engine.whenIdle();

    expect(fx.engine.snapshot().items[0]?.state).toBe('completed');
    expect(await fx.sha256OfObject(fx.key('crash.bin'))).toBe(await sha256OfFile(file));
    const accepted = requestLog(env.la)
      .filter((l) => l.action === 'UploadPart' && l.status === 200 && l.key === fx.key('crash.bin'))
      .map((l) => `${String(l.uploadId)}#${String(l.partNumber)}`);
    expect(accepted).toHaveLength(10);
    expect(new Set(accepted).size).toBe(10);
    expect(requestLog(env.la).some((l) => l.action === 'ListParts')).toBe(true);
    expect(await fx.listUploads()).toEqual([]);
    await fx.dispose();
  });

  it('starts over with a notice when the file changed while the app was down', async () => {
    await env.la.setFaults({ latencyMs: 100 });
    const identity = await demoIdentity(env.la);
    const journalDir = mkdtempSync(join(tmpdir(), 'hakobu-journal-'));
    const file = join(env.src, 'edited.bin');
    writeFileSync(file, randomBytes(48 * MiB));
    await uploadUntilKilled(identity, journalDir, file);
    appendFileSync(file, 'one more line');

    const fx = await engineFixture(env.la, { identity, journalDir });
    await env.la.setFaults({ latencyMs: 0 });
    await fx.engine.restore();
    await fx.engine.whenIdle();
    const [item] = fx.engine.snapshot().items;
    expect(item?.state).toBe('completed');
    expect(item?.notice?.code).toBe('transfer.restartedChanged');
    expect(item?.sentBytes).toBe(48 * MiB + 'one more line'.length);
    expect(await fx.sha256OfObject(fx.key('edited.bin'))).toBe(await sha256OfFile(file));
    // The upload begun before the edit was aborted, not left to be billed.
    expect(await fx.listUploads()).toEqual([]);
    await fx.dispose();
  });
});
