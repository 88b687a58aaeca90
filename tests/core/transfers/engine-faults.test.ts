import { randomBytes } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  engineFixture,
  MiB,
  requestLog,
  sha256OfFile,
  useStandInWithSourceFolder,
} from './fixture';

const env = useStandInWithSourceFolder();

describe('unreliable S3', () => {
  it('completes 20 files intact while 10% of UploadParts fail and connections reset', async () => {
    // Every file needs two parts (5 MiB + a tail), so every file meets the dice.
    const names = Array.from({ length: 20 }, (_, i) => `file-${String(i).padStart(2, '0')}.bin`);
    for (const [i, name] of names.entries()) {
      writeFileSync(join(env.src, name), randomBytes(5 * MiB + 1024 * (i + 1)));
    }
    await env.la.setFaults({
      uploadPartFailureRate: 0.1,
      uploadPartResetRate: 0.1,
      resetAfterBytes: 256 * 1024,
      seed: 7,
    });
    const fx = await engineFixture(env.la, { transfers: { concurrency: 4, partConcurrency: 2 } });
    await fx.engine.enqueue(names.map((n) => join(env.src, n)));
    await fx.engine.whenIdle();

    const items = fx.engine.snapshot().items;
    expect(
      items.filter((i) => i.state !== 'completed').map((i) => [i.name, i.error?.message]),
    ).toEqual([]);
    // Bytes of failed attempts were taken back: each file counts exactly once.
    for (const item of items) expect(item.sentBytes).toBe(item.size);
    for (const name of names) {
      expect(await fx.sha256OfObject(fx.key(name))).toBe(await sha256OfFile(join(env.src, name)));
    }
    const log = requestLog(env.la).filter((l) => l.action === 'UploadPart');
    // The faults really happened, and the engine went through them.
    expect(log.some((l) => l.fault === 'reset')).toBe(true);
    expect(log.some((l) => typeof l.fault === 'string' && l.fault !== 'reset')).toBe(true);
    expect(await fx.listUploads()).toEqual([]);
    expect(readdirSync(fx.journalDir)).toEqual([]);
    await fx.dispose();
  });
});
