import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TransfersDelta } from '../../../src-main/contract/views';
import { engineFixture, useStandInWithSourceFolder, type EngineFixture } from './fixture';

const env = useStandInWithSourceFolder();
let fx: EngineFixture | undefined;

afterEach(async () => {
  await env.la.setFaults({ latencyMs: 0 });
  await fx?.dispose();
  fx = undefined;
});

function tinyFiles(folder: string, count: number): string[] {
  const dir = join(env.src, folder);
  mkdirSync(dir, { recursive: true });
  return Array.from({ length: count }, (_, i) => {
    const path = join(dir, `f${i}.txt`);
    writeFileSync(path, `file ${i}\n`);
    return path;
  });
}

describe('transfer deltas', () => {
  it('with 1,000 files queued and one uploading, a progress delta carries only that one', async () => {
    // One request at a time, each slow: one file is uploading, the other 999 wait in line.
    await env.la.setFaults({ latencyMs: 2000 });
    const engine = (fx = await engineFixture(env.la, { transfers: { parallelTransfers: 1 } }))
      .engine;
    const { items } = await engine.enqueue(tinyFiles('thousand', 1000));
    const everything = engine.takeDelta();
    expect(everything.upserts).toHaveLength(1000);

    const progressed = new Promise<void>((done) => engine.on('progress', () => done()));
    await progressed;
    const delta: TransfersDelta = engine.takeDelta();
    const uploading = items.filter((i) => engine.items.get(i.id)?.state === 'uploading');
    expect(uploading).toHaveLength(1);
    expect(delta.seq).toBe(everything.seq + 1);
    expect(delta.upserts.map((v) => [v.id, v.state])).toEqual([[uploading[0]?.id, 'uploading']]);
    expect(delta.removed).toEqual([]);
    expect(delta.total.active).toBe(1000);
    expect(engine.snapshot().seq).toBe(delta.seq);
  });

  it('clearing finished uploads sends their ids as removed, and keeps the rest', async () => {
    const engine = (fx = await engineFixture(env.la)).engine;
    const { items } = await engine.enqueue(tinyFiles('clear', 3));
    await engine.whenIdle();
    // One more file, paused before its upload can finish: it must stay in the list.
    const keep = await engine.enqueue(tinyFiles('later', 1));
    await engine.pause();
    expect(engine.items.get(keep.items[0]?.id ?? '')?.state).toBe('paused');
    engine.takeDelta();

    const snapshot = engine.clearFinished();
    const delta = engine.takeDelta();
    expect(delta.removed.sort()).toEqual(items.map((i) => i.id).sort());
    expect(delta.upserts).toEqual([]);
    expect(snapshot.items.map((i) => i.id)).toEqual(keep.items.map((i) => i.id));
    expect(delta.total.completed).toBe(0);
  });
});
