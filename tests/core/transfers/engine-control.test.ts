import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConflictPrompt } from '../../../src-main/contract/views';
import {
  engineFixture,
  MiB,
  requestLog,
  sha256OfFile,
  waitFor,
  useStandInWithIdentity,
  type EngineFixture,
} from './fixture';
import { journalRecordsOnDisk } from './journal-files';

const env = useStandInWithIdentity();
let fx: EngineFixture;
let src: string;

beforeEach(async () => {
  src = mkdtempSync(join(tmpdir(), 'hakobu-src-'));
  // One request at a time, so a part finishes well before the last one and the tests can act between.
  fx = await engineFixture(env.la, {
    identity: env.identity,
    transfers: { partConcurrency: 1, parallelTransfers: 1 },
  });
});
afterEach(async () => {
  await env.la.setFaults({ latencyMs: 0 });
  await fx.dispose();
  rmSync(src, { recursive: true, force: true });
});

function journaledParts(id: string): number {
  const record = journalRecordsOnDisk(fx.journalDir).find((r) => r.id === id);
  return record?.upload?.parts.length ?? 0;
}

/** UploadPart requests S3 accepted for a key, as "uploadId#partNumber". */
const acceptedParts = (key: string) =>
  requestLog(env.la)
    .filter((l) => l.action === 'UploadPart' && l.status === 200 && l.key === key)
    .map((l) => `${String(l.uploadId)}#${String(l.partNumber)}`);

describe('pause, resume and cancel', () => {
  it('cancel aborts the multipart upload: nothing is left in ListMultipartUploads', async () => {
    await env.la.setFaults({ latencyMs: 100 });
    const file = join(src, 'cancel-me.bin');
    writeFileSync(file, randomBytes(30 * MiB));
    const {
      items: [item],
    } = await fx.engine.enqueue([file]);
    await waitFor(() => journaledParts(item?.id ?? '') >= 1, 'a finished part');
    expect(await fx.listUploads()).toHaveLength(1);

    const after = await fx.engine.cancel([item?.id ?? '']);
    expect(after.items[0]?.state).toBe('cancelled');
    expect(await fx.listUploads()).toEqual([]);
    expect(await fx.listKeys()).not.toContain(fx.key('cancel-me.bin'));
    expect(readdirSync(fx.journalDir)).toEqual([]);
  });

  it('pause stops sending and keeps finished parts; resume completes without re-sending them', async () => {
    await env.la.setFaults({ latencyMs: 100 });
    const file = join(src, 'pause-me.bin');
    writeFileSync(file, randomBytes(30 * MiB));
    const {
      items: [item],
    } = await fx.engine.enqueue([file]);
    const id = item?.id ?? '';
    await waitFor(() => journaledParts(id) >= 2, 'two finished parts');

    const paused = await fx.engine.pause([id]);
    expect(paused.items[0]?.state).toBe('paused');
    const kept = journaledParts(id);
    const sentBeforePause = acceptedParts(fx.key('pause-me.bin')).length;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(acceptedParts(fx.key('pause-me.bin')).length).toBe(sentBeforePause);
    expect(fx.engine.snapshot().items[0]?.sentBytes).toBe(kept * 5 * MiB);

    // Two overlapping resumes (a click while the app resumes after sign-in) start it only once.
    await Promise.all([fx.engine.resume([id]), fx.engine.resume()]);
    await fx.engine.whenIdle();
    expect(fx.engine.snapshot().items[0]?.state).toBe('completed');
    expect(await fx.sha256OfObject(fx.key('pause-me.bin'))).toBe(await sha256OfFile(file));
    const accepted = acceptedParts(fx.key('pause-me.bin'));
    expect(new Set(accepted).size).toBe(accepted.length);
    // One upload ID throughout: the pause did not start the file over.
    expect(new Set(accepted.map((p) => p.split('#')[0])).size).toBe(1);
  });
});

describe('name conflicts', () => {
  async function upload(name: string, content: string) {
    const dir = join(src, `${Math.random()}`.slice(2));
    mkdirSync(dir);
    writeFileSync(join(dir, name), content);
    const {
      items: [item],
    } = await fx.engine.enqueue([join(dir, name)]);
    await fx.engine.whenIdle();
    return fx.engine.snapshot().items.find((i) => i.id === item?.id);
  }
  const contentOf = async (name: string) => {
    const objectHash = await fx.sha256OfObject(fx.key(name));
    return objectHash;
  };
  const hashOf = (text: string) => {
    const file = join(src, `hash-${Math.random()}`);
    writeFileSync(file, text);
    return sha256OfFile(file);
  };

  it('skip leaves the existing object alone', async () => {
    fx.engine.updateSettings({ conflictPolicy: 'skip' });
    expect((await upload('skip.txt', 'first'))?.state).toBe('completed');
    const second = await upload('skip.txt', 'second');
    expect(second?.state).toBe('skipped');
    expect(await contentOf('skip.txt')).toBe(await hashOf('first'));
  });

  it('rename picks "name (1).ext", then "name (2).ext"', async () => {
    fx.engine.updateSettings({ conflictPolicy: 'rename' });
    await upload('photo.jpg', 'one');
    expect((await upload('photo.jpg', 'two'))?.key).toBe(fx.key('photo (1).jpg'));
    expect((await upload('photo.jpg', 'three'))?.key).toBe(fx.key('photo (2).jpg'));
    expect(await contentOf('photo.jpg')).toBe(await hashOf('one'));
    expect(await contentOf('photo (2).jpg')).toBe(await hashOf('three'));
  });

  it('rename keeps two files dropped at once under the same name apart', async () => {
    fx.engine.updateSettings({ conflictPolicy: 'rename' });
    const dirs = ['left', 'right'].map((d) => join(src, d));
    for (const [i, dir] of dirs.entries()) {
      mkdirSync(dir);
      writeFileSync(join(dir, 'twin.txt'), `twin ${i}`);
    }
    await fx.engine.enqueue(dirs.map((d) => join(d, 'twin.txt')));
    await fx.engine.whenIdle();
    const keys = fx.engine.snapshot().items.map((i) => i.key);
    expect(keys.sort()).toEqual([fx.key('twin (1).txt'), fx.key('twin.txt')]);
  });

  it('overwrite replaces the existing object', async () => {
    fx.engine.updateSettings({ conflictPolicy: 'overwrite' });
    await upload('over.txt', 'old');
    expect((await upload('over.txt', 'new'))?.state).toBe('completed');
    expect(await contentOf('over.txt')).toBe(await hashOf('new'));
  });

  it('ask waits for an answer, and "apply to all" answers every waiting conflict', async () => {
    fx.engine.updateSettings({ conflictPolicy: 'overwrite' });
    await upload('a.txt', 'a0');
    await upload('b.txt', 'b0');
    fx.engine.updateSettings({ conflictPolicy: 'ask' });
    const prompts: ConflictPrompt[] = [];
    fx.engine.on('conflict', (p) => prompts.push(p));
    const dir = join(src, 'again');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.txt'), 'a1');
    writeFileSync(join(dir, 'b.txt'), 'b1');
    await fx.engine.enqueue([join(dir, 'a.txt'), join(dir, 'b.txt')]);
    await fx.engine.whenIdle();

    expect(prompts.map((p) => p.key).sort()).toEqual([fx.key('a.txt'), fx.key('b.txt')]);
    expect(prompts.find((p) => p.key === fx.key('a.txt'))?.existing.size).toBe(2);
    expect(fx.engine.snapshot().items.filter((i) => i.state === 'conflict')).toHaveLength(2);

    await fx.engine.resolveConflict(prompts[0]?.itemId ?? '', 'rename', true);
    await fx.engine.whenIdle();
    const keys = await fx.listKeys();
    expect(keys).toContain(fx.key('a (1).txt'));
    expect(keys).toContain(fx.key('b (1).txt'));
    expect(await contentOf('a.txt')).toBe(await hashOf('a0'));
  });
});
