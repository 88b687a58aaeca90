import { randomBytes } from 'node:crypto';
import {
  createWriteStream,
  mkdtempSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TransfersSnapshot } from '../../../src-main/contract/views';
import {
  engineFixture,
  productSession,
  MiB,
  requestLog,
  sha256OfFile,
  waitFor,
  useStandInWithIdentity,
  keysExpired,
  stickyKeys,
} from './fixture';
import { journalRecordsOnDisk } from './journal-files';

const env = useStandInWithIdentity();
let src: string;

beforeEach(() => {
  src = mkdtempSync(join(tmpdir(), 'hakobu-src-'));
});
afterEach(async () => {
  // The schema has no 'unset'; an hour is the identity pool's own lifetime.
  await env.la.setFaults({ latencyMs: 0, credentialLifetimeSeconds: 3600 });
  rmSync(src, { recursive: true, force: true });
});

/** Writes `size` random bytes in 1 MiB chunks (never the whole file in memory). */
async function randomFile(path: string, size: number): Promise<string> {
  const out = createWriteStream(path);
  for (let left = size; left > 0; left -= MiB) out.write(randomBytes(Math.min(MiB, left)));
  out.end();
  await finished(out);
  return path;
}

describe('multipart uploads', () => {
  it('completes 64 MiB intact over a slow link while 3-second credentials keep expiring', async () => {
    await env.la.setFaults({ credentialLifetimeSeconds: 3, latencyMs: 150 });
    // The app's own chain: SRP sign-in, then the credentials module with refresh-ahead.
    const session = await productSession(env.la);
    const fx = await engineFixture(env.la, {
      identity: session.identity,
      // Two requests at a time keep the upload longer than several credential lifetimes.
      transfers: { partConcurrency: 2, parallelTransfers: 2 },
      engine: { forceRefresh: session.forceRefresh },
    });
    const file = await randomFile(join(src, 'big.bin'), 64 * MiB);
    const progress: TransfersSnapshot['total'][] = [];
    fx.engine.on('progress', (p) => progress.push(p.total));
    const issuedBefore = requestLog(env.la).filter(
      (l) => l.action === 'GetCredentialsForIdentity',
    ).length;
    await fx.engine.enqueue([file]);
    await fx.engine.whenIdle();

    const [item] = fx.engine.snapshot().items;
    expect(item?.error).toBeUndefined();
    expect(item?.state).toBe('completed');
    expect(item?.sentBytes).toBe(64 * MiB);
    expect(await fx.sha256OfObject(fx.key('big.bin'))).toBe(await sha256OfFile(file));
    // The upload outlived its first credentials: new ones were issued along the way.
    const issued = requestLog(env.la).filter(
      (l) => l.action === 'GetCredentialsForIdentity',
    ).length;
    expect(issued - issuedBefore).toBeGreaterThan(1);
    // Progress is reported while bytes flow, never beyond the file, with a speed estimate.
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every((t) => t.sentBytes <= t.size)).toBe(true);
    expect(progress.some((t) => (t.speed ?? 0) > 0 && t.etaSeconds !== undefined)).toBe(true);
    expect(await fx.listUploads()).toEqual([]);
    expect(readdirSync(fx.journalDir)).toEqual([]);
    await fx.dispose();
    session.dispose();
  });

  it('answers ExpiredToken by forcing a refresh, then retrying', async () => {
    await env.la.setFaults({ credentialLifetimeSeconds: 2 });
    // A provider that hands out the same keys until told to refresh, so S3 must say ExpiredToken.
    const keys = await stickyKeys(env.identity);
    const fx = await engineFixture(env.la, { identity: env.identity, engine: keys.engine });
    const file = await randomFile(join(src, 'stale.bin'), 12 * MiB);
    await keysExpired(keys);
    await fx.engine.enqueue([file]);
    await fx.engine.whenIdle();

    expect(fx.engine.snapshot().items[0]?.state).toBe('completed');
    expect(await fx.sha256OfObject(fx.key('stale.bin'))).toBe(await sha256OfFile(file));
    expect(keys.refreshes()).toBeGreaterThanOrEqual(1);
    expect(requestLog(env.la).some((line) => line.code === 'ExpiredToken')).toBe(true);
    await fx.dispose();
  });

  it('starts over, with a notice, when the file is modified during its upload', async () => {
    await env.la.setFaults({ latencyMs: 150 });
    const fx = await engineFixture(env.la, {
      identity: env.identity,
      transfers: { partConcurrency: 1 },
    });
    const file = await randomFile(join(src, 'changing.bin'), 24 * MiB);
    const {
      items: [queued],
    } = await fx.engine.enqueue([file]);
    const partsInJournal = () =>
      journalRecordsOnDisk(fx.journalDir).find((r) => r.id === queued?.id)?.upload?.parts.length ??
      0;
    await waitFor(() => partsInJournal() >= 1, 'the first part');
    // Same size, new content and mtime: only the fingerprint can tell.
    writeFileSync(file, randomBytes(24 * MiB));
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    await fx.engine.whenIdle();

    const [item] = fx.engine.snapshot().items;
    expect(item?.state).toBe('completed');
    expect(item?.notice?.code).toBe('transfer.restartedChanged');
    expect(await fx.sha256OfObject(fx.key('changing.bin'))).toBe(await sha256OfFile(file));
    expect(await fx.listUploads()).toEqual([]);
    await fx.dispose();
  });
});
