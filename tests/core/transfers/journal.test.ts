import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TransferJournal, type JournalRecord } from '../../../src-main/core/transfers/journal';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hakobu-journal-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const record = (id: string, seq: number): JournalRecord => ({
  version: 1,
  id,
  seq,
  identityId: 'ap-northeast-1:x',
  sourcePath: `/tmp/${id}`,
  relativePath: id,
  location: 'main',
  bucket: 'b',
  key: `ap-northeast-1:x/${id}`,
  fingerprint: { size: 10, mtimeMs: 1 },
  state: 'queued',
});

describe('TransferJournal', () => {
  it('restores records in enqueue order with the latest of concurrent saves', async () => {
    const journal = new TransferJournal(dir);
    const a = record('a', 2);
    const b = record('b', 1);
    await journal.save(a);
    await journal.save(b);
    a.upload = { uploadId: 'u', partSize: 5, parts: [], completing: false };
    const saves: Promise<void>[] = [];
    for (let n = 1; n <= 5; n++) {
      a.upload.parts.push({ partNumber: n, etag: `"e${n}"`, checksumCRC32: 'AAAAAA==', size: 5 });
      saves.push(journal.save(a));
    }
    await Promise.all(saves);
    const loaded = await new TransferJournal(dir).load();
    expect(loaded.records.map((r) => r.id)).toEqual(['b', 'a']);
    expect(loaded.records[1]?.upload?.parts.map((p) => p.partNumber)).toEqual([1, 2, 3, 4, 5]);
  });

  it('removes a record for good, even with a save still pending', async () => {
    const journal = new TransferJournal(dir);
    const a = record('a', 1);
    const pending = journal.save(a);
    await journal.remove('a');
    await pending;
    await journal.save(a);
    expect((await journal.load()).records).toEqual([]);
  });

  it('sets aside an unreadable record and drops leftover temporary files', async () => {
    const journal = new TransferJournal(dir);
    await journal.save(record('good', 1));
    writeFileSync(join(dir, 'torn.json'), '{"version":1,"id":');
    writeFileSync(join(dir, 'good.json.1234.abcd.tmp'), 'partial');
    const loaded = await journal.load();
    expect(loaded.records.map((r) => r.id)).toEqual(['good']);
    expect(loaded.corrupt).toEqual(['torn.json']);
    expect(existsSync(join(dir, 'torn.json.corrupt'))).toBe(true);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
