import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TransferItemView } from '../../../src-main/contract/views';
import { engineFixture, sha256OfFile, useStandInWithIdentity, type EngineFixture } from './fixture';

const env = useStandInWithIdentity();
let fx: EngineFixture;
let src: string;

beforeEach(async () => {
  src = mkdtempSync(join(tmpdir(), 'hakobu-src-'));
  fx = await engineFixture(env.la, { identity: env.identity });
});
afterEach(async () => {
  await fx.dispose();
  rmSync(src, { recursive: true, force: true });
});

const byName = (items: TransferItemView[], name: string) => items.find((i) => i.name === name);

describe('uploading files and folders', () => {
  it('uploads a folder under <identityId>/<folder>/..., with an empty file as an empty object', async () => {
    mkdirSync(join(src, 'album/day1'), { recursive: true });
    writeFileSync(join(src, 'album/day1/a.txt'), 'alpha');
    writeFileSync(join(src, 'album/empty.txt'), '');
    const { items: added } = await fx.engine.enqueue([join(src, 'album')]);
    expect(added.map((i) => i.key).sort()).toEqual([
      fx.key('album/day1/a.txt'),
      fx.key('album/empty.txt'),
    ]);
    await fx.engine.whenIdle();

    expect(fx.engine.snapshot().items.map((i) => i.state)).toEqual(['completed', 'completed']);
    expect((await fx.listKeys()).filter((k) => k.startsWith(fx.key('album/')))).toEqual([
      fx.key('album/day1/a.txt'),
      fx.key('album/empty.txt'),
    ]);
    expect(await fx.sha256OfObject(fx.key('album/day1/a.txt'))).toBe(
      await sha256OfFile(join(src, 'album/day1/a.txt')),
    );
    const empty = await fx.s3.send(
      new HeadObjectCommand({ Bucket: env.la.info.bucket, Key: fx.key('album/empty.txt') }),
    );
    expect(empty.ContentLength).toBe(0);
    expect(await fx.listUploads()).toEqual([]);
  });

  it('stores an NFD (macOS) file name under a single NFC key', async () => {
    const nfd = 'ガイド.txt'.normalize('NFD');
    writeFileSync(join(src, nfd), 'guide');
    const {
      items: [item],
    } = await fx.engine.enqueue([join(src, nfd)]);
    await fx.engine.whenIdle();
    expect(item?.key).toBe(fx.key('ガイド.txt'));
    const keys = await fx.listKeys();
    expect(keys.filter((k) => k.normalize('NFC') === fx.key('ガイド.txt'))).toEqual([
      fx.key('ガイド.txt'),
    ]);
  });

  it('fails only the file whose key would exceed 1,024 bytes, before sending anything', async () => {
    // Five nested folders of 200 bytes each: no single name is too long, the key is.
    let dir = join(src, 'deep');
    for (let i = 0; i < 5; i++) dir = join(dir, `${i}${'d'.repeat(199)}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'x.txt'), 'x');
    writeFileSync(join(src, 'deep', 'ok.txt'), 'ok');
    await fx.engine.enqueue([join(src, 'deep')]);
    await fx.engine.whenIdle();
    const items = fx.engine.snapshot().items;
    expect(byName(items, 'x.txt')?.state).toBe('failed');
    expect(byName(items, 'x.txt')?.error?.code).toBe('transfer.keyTooLong');
    expect(byName(items, 'ok.txt')?.state).toBe('completed');
    expect((await fx.listKeys()).filter((k) => k.startsWith(fx.key('deep/')))).toEqual([
      fx.key('deep/ok.txt'),
    ]);
  });

  it('reports a symlink loop in a dropped folder on its own row and uploads the rest', async () => {
    mkdirSync(join(src, 'loopy'));
    writeFileSync(join(src, 'loopy/file.txt'), 'f');
    symlinkSync(join(src, 'loopy'), join(src, 'loopy/again'));
    await fx.engine.enqueue([join(src, 'loopy')]);
    await fx.engine.whenIdle();
    const items = fx.engine.snapshot().items;
    expect(byName(items, 'again')?.error?.code).toBe('transfer.symlinkLoop');
    expect(byName(items, 'file.txt')?.state).toBe('completed');
  });

  it('fails a file that vanished after it was queued with a clear error, and still uploads the others', async () => {
    writeFileSync(join(src, 'stays.txt'), 'stays');
    writeFileSync(join(src, 'goes.txt'), 'goes');
    // Queue both, quit before they run (the journal keeps them), delete one, start again.
    await env.la.setFaults({ latencyMs: 300 });
    await fx.engine.enqueue([join(src, 'stays.txt'), join(src, 'goes.txt')]);
    await fx.engine.close();
    await env.la.setFaults({ latencyMs: 0 });
    unlinkSync(join(src, 'goes.txt'));

    const next = await engineFixture(env.la, { identity: env.identity, journalDir: fx.journalDir });
    const restored = await next.engine.restore();
    expect(restored.items.map((i) => i.name).sort()).toEqual(['goes.txt', 'stays.txt']);
    await next.engine.whenIdle();
    const items = next.engine.snapshot().items;
    expect(byName(items, 'stays.txt')?.state).toBe('completed');
    expect(byName(items, 'goes.txt')?.state).toBe('failed');
    expect(byName(items, 'goes.txt')?.error?.code).toBe('transfer.notFound');
    expect(byName(items, 'goes.txt')?.error?.message).toContain('goes.txt');
    await next.engine.close();
  });
});
