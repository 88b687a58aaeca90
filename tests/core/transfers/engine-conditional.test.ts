import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConflictPrompt, TransferItemView } from '../../../src-main/contract/views';
import type { ConflictPolicy } from '../../../src-main/core/transfers/conflicts';
import {
  engineFixture,
  MiB,
  requestLog,
  sha256OfFile,
  useStandInWithIdentity,
  waitFor,
  type EngineFixture,
} from './fixture';

// Conditional writes: a file goes to its key with If-None-Match: *, and S3's refusal is the name
// conflict, so no file costs a HeadObject or a listing first (issue 9, item 2).

const env = useStandInWithIdentity();
let fx: EngineFixture;
let src: string;
let prompts: ConflictPrompt[];

beforeEach(async () => {
  src = mkdtempSync(join(tmpdir(), 'hakobu-src-'));
  fx = await engineFixture(env.la, {
    identity: env.identity,
    transfers: { conflictPolicy: 'ask' },
  });
  prompts = [];
  fx.engine.on('conflict', (p) => prompts.push(p));
});
afterEach(async () => {
  await env.la.setFaults({ latencyMs: 0, conditionalWrites: 'honour' });
  await fx.dispose();
  rmSync(src, { recursive: true, force: true });
});

interface S3Line {
  service: string;
  action: string;
  key?: string;
  status: number;
  condition?: string;
}

/** The S3 requests the stand-in saw while `work` ran. */
async function s3RequestsDuring(work: () => Promise<unknown>): Promise<S3Line[]> {
  const before = requestLog(env.la).length;
  await work();
  return (requestLog(env.la).slice(before) as unknown as S3Line[]).filter(
    (l) => l.service === 's3',
  );
}

/** Writes a file under a fresh folder and uploads it with `policy`; returns its row. */
async function upload(name: string, content: string | Buffer, policy: ConflictPolicy) {
  fx.engine.updateSettings({ conflictPolicy: policy });
  const dir = join(src, `${Math.random()}`.slice(2));
  mkdirSync(dir);
  writeFileSync(join(dir, name), content);
  const {
    items: [item],
  } = await fx.engine.enqueue([join(dir, name)]);
  await fx.engine.whenIdle();
  return fx.engine.snapshot().items.find((i) => i.id === item?.id) as TransferItemView;
}

const storedText = async (name: string) => {
  const out = await fx.s3.send(
    new GetObjectCommand({ Bucket: env.la.info.bucket, Key: fx.key(name) }),
  );
  return out.Body?.transformToString();
};

describe('no round trip per file for name conflicts', () => {
  it('a folder of new files under "ask" costs one PutObject each, each sent with If-None-Match', async () => {
    const folder = join(src, 'new-photos');
    mkdirSync(folder);
    for (let i = 0; i < 20; i++) writeFileSync(join(folder, `p${i}.jpg`), `photo ${i}`);

    const sent = await s3RequestsDuring(async () => {
      await fx.engine.enqueue([folder]);
      await fx.engine.whenIdle();
    });

    expect(fx.engine.snapshot().items.filter((i) => i.state === 'completed')).toHaveLength(20);
    expect(sent.map((l) => l.action)).toEqual(Array(20).fill('PutObject'));
    expect(sent.every((l) => l.condition === 'If-None-Match')).toBe(true);
  });

  it('overwrite neither looks up nor sends a condition', async () => {
    await upload('over.txt', 'old', 'overwrite');
    const sent = await s3RequestsDuring(() => upload('over.txt', 'new', 'overwrite'));
    expect(sent.map((l) => [l.action, l.condition])).toEqual([['PutObject', undefined]]);
    expect(await storedText('over.txt')).toBe('new');
  });
});

describe('a refused write is the conflict', () => {
  it('ask: S3 refuses the write, the user is asked, and the stored file is untouched', async () => {
    await upload('taken.txt', 'old', 'overwrite');
    const row = await upload('taken.txt', 'newer', 'ask');

    expect(row.state).toBe('conflict');
    expect(prompts.map((p) => [p.key, p.existing.size])).toEqual([[fx.key('taken.txt'), 3]]);
    expect(await storedText('taken.txt')).toBe('old');

    await fx.engine.resolveConflict(row.id, 'overwrite');
    await fx.engine.whenIdle();
    expect(await storedText('taken.txt')).toBe('newer');
  });

  it('skip and rename settle a refused write without asking', async () => {
    await upload('both.txt', 'old', 'overwrite');
    expect((await upload('both.txt', 'second', 'skip')).state).toBe('skipped');
    const renamed = await upload('both.txt', 'third', 'rename');
    expect(renamed.key).toBe(fx.key('both (1).txt'));
    expect(await storedText('both.txt')).toBe('old');
    expect(await storedText('both (1).txt')).toBe('third');
    expect(prompts).toEqual([]);
  });

  it('a file S3 already holds byte for byte completes with a notice, without a question', async () => {
    await upload('same.txt', 'identical bytes', 'ask');
    const again = await upload('same.txt', 'identical bytes', 'ask');
    expect(again.state).toBe('completed');
    expect(again.notice?.code).toBe('transfer.alreadyOnS3');
    expect(prompts).toEqual([]);
  });

  it('a big file is looked up before its parts go, and a name taken meanwhile is asked about at the end', async () => {
    fx.engine.updateSettings({ parallelTransfers: 1 });
    await env.la.setFaults({ latencyMs: 50 });
    const file = join(src, 'big.bin');
    writeFileSync(file, randomBytes(12 * MiB));
    fx.engine.updateSettings({ conflictPolicy: 'ask' });
    const {
      items: [item],
    } = await fx.engine.enqueue([file]);
    const key = fx.key('big.bin');
    const partsDone = () =>
      requestLog(env.la).filter((l) => l.action === 'UploadPart' && l.key === key).length;
    await waitFor(() => partsDone() >= 1, 'a finished part');
    await fx.engine.pause([item?.id ?? '']);
    expect(requestLog(env.la).some((l) => l.action === 'HeadObject' && l.key === key)).toBe(true);

    // Someone else writes the same name while the upload is paused.
    await fx.s3.send(
      new PutObjectCommand({ Bucket: env.la.info.bucket, Key: key, Body: 'theirs' }),
    );
    await fx.engine.resume([item?.id ?? '']);
    await fx.engine.whenIdle();

    expect(prompts.map((p) => p.key)).toEqual([key]);
    expect(await storedText('big.bin')).toBe('theirs');
    expect(await fx.listUploads()).toEqual([]);
    await fx.engine.resolveConflict(item?.id ?? '', 'overwrite');
    await fx.engine.whenIdle();
    expect(await fx.sha256OfObject(key)).toBe(await sha256OfFile(file));
  });
});

describe('targets without conditional writes', () => {
  it('a 501 to If-None-Match turns lookups back on for the session, and a taken name is still asked about', async () => {
    await upload('kept.txt', 'old', 'overwrite');
    await env.la.setFaults({ conditionalWrites: 'notImplemented' });

    const first = await upload('kept.txt', 'new', 'ask');
    const sent = await s3RequestsDuring(() => upload('fresh.txt', 'fresh', 'ask'));

    expect(first.state).toBe('conflict');
    expect(await storedText('kept.txt')).toBe('old');
    // A missing key under a prefix-limited grant is a 403 to HEAD, settled by a listing.
    expect(sent.map((l) => [l.action, l.condition])).toEqual([
      ['HeadObject', undefined],
      ['ListObjectsV2', undefined],
      ['PutObject', undefined],
    ]);
  });

  it('conditionalWrites: false (for a target that ignores the header) looks every file up first', async () => {
    await upload('ignored.txt', 'old', 'overwrite');
    await env.la.setFaults({ conditionalWrites: 'ignore' });
    fx.engine.updateSettings({ conditionalWrites: false });

    const row = await upload('ignored.txt', 'new', 'ask');

    expect(row.state).toBe('conflict');
    expect(await storedText('ignored.txt')).toBe('old');
  });
});
