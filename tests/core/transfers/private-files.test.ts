import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileIdentityIdStore } from '../../../src-main/core/credentials';
import { engineFixture, MiB, useStandInWithIdentity, waitFor } from './fixture';
import { journalLogFiles, journalRecordsOnDisk } from './journal-files';

// What another account on the machine could read: the permission bits of a path.
const modeOf = (path: string) => statSync(path).mode & 0o777;

const env = useStandInWithIdentity();
let previousUmask: number;
let root: string;
beforeAll(() => {
  // The usual umask, under which a plain mkdir gives 0755 and a plain writeFile 0644.
  previousUmask = process.umask(0o022);
  root = mkdtempSync(join(tmpdir(), 'hakobu-private-'));
});
afterAll(() => {
  process.umask(previousUmask);
  rmSync(root, { recursive: true, force: true });
});

describe('private data on disk', () => {
  it('keeps the transfer journal 0600 in 0700 folders while an upload runs', async () => {
    const userData = join(root, 'first-run', 'Hakobu');
    const journalDir = join(userData, 'transfers', 'identity');
    const fx = await engineFixture(env.la, {
      identity: env.identity,
      journalDir,
      transfers: { partConcurrency: 1 },
    });
    const file = join(root, 'diary.bin');
    writeFileSync(file, randomBytes(12 * MiB));
    await env.la.setFaults({ latencyMs: 100 });
    try {
      const {
        items: [item],
      } = await fx.engine.enqueue([file]);
      // A finished part is in the journal: the record has been rewritten during the upload.
      await waitFor(
        () =>
          (journalRecordsOnDisk(journalDir).find((r) => r.id === item?.id)?.upload?.parts.length ??
            0) > 0,
        'a journaled part',
      );
      const [record] = journalLogFiles(journalDir);
      expect(record).toBeDefined();
      expect(modeOf(record ?? '')).toBe(0o600);
      for (const dir of [userData, join(userData, 'transfers'), journalDir]) {
        expect([dir, modeOf(dir).toString(8)]).toEqual([dir, '700']);
      }
      await fx.engine.cancel();
    } finally {
      await env.la.setFaults({ latencyMs: 0 });
      await fx.dispose();
    }
  });

  it('narrows a journal folder an earlier version left world-readable', async () => {
    const journalDir = join(root, 'old-install', 'transfers', 'identity');
    mkdirSync(journalDir, { recursive: true, mode: 0o755 });
    const fx = await engineFixture(env.la, { identity: env.identity, journalDir });
    try {
      await fx.engine.restore();
      expect(modeOf(journalDir)).toBe(0o700);
    } finally {
      await fx.dispose();
    }
  });

  it('writes the identity-ID cache 0600 and narrows the app-data folder to 0700', async () => {
    const appData = join(root, 'app-data');
    mkdirSync(appData, { mode: 0o755 });
    chmodSync(appData, 0o755);
    const store = fileIdentityIdStore(appData);
    await store.set('pool|user|sub', env.identity.identityId);
    expect(modeOf(appData)).toBe(0o700);
    expect(modeOf(join(appData, 'identity-ids.json'))).toBe(0o600);
    expect(await store.get('pool|user|sub')).toBe(env.identity.identityId);
  });
});
