import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TransferJournal } from '../../../src-main/core/transfers/journal';
import { journalRecord, manyRecords } from './journal-fixture';
import { journalLogFiles, journalRecordsOnDisk } from './journal-files';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hakobu-journal-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const modeOf = (path: string) => statSync(path).mode & 0o777;
const ids = (records: { id: string }[]) => records.map((r) => r.id);

describe('journal log', () => {
  it('keeps uploads queued by the per-file version, then forgets its files', async () => {
    const old = manyRecords(3);
    for (const record of old) writeFileSync(join(dir, `${record.id}.json`), JSON.stringify(record));
    writeFileSync(join(dir, '.f1.json.0a1b2c3d4e5f.tmp'), '{"version":1');

    const loaded = await new TransferJournal(dir).load();
    expect(loaded).toEqual({ records: old, corrupt: [] });
    const [log, ...others] = journalLogFiles(dir);
    expect(others).toEqual([]);
    expect(readdirSync(dir)).toEqual([log?.slice(dir.length + 1)]);
    // Still there on the next start, now from the log.
    expect(ids((await new TransferJournal(dir).load()).records)).toEqual(['f0', 'f1', 'f2']);
  });

  it('writes the log 0600 in a 0700 folder', async () => {
    const folder = join(dir, 'transfers', 'identity');
    await new TransferJournal(folder).save(journalRecord('a', 1));
    const [log = ''] = journalLogFiles(folder);
    expect(modeOf(log)).toBe(0o600);
    expect(modeOf(folder)).toBe(0o700);
  });

  it('leaves nothing behind once every item is done', async () => {
    const journal = new TransferJournal(dir);
    await journal.saveMany(manyRecords(3));
    await Promise.all(['f0', 'f1', 'f2'].map((id) => journal.remove(id)));
    expect(readdirSync(dir)).toEqual([]);
    expect((await new TransferJournal(dir).load()).records).toEqual([]);
  });

  it('lets two processes share the folder without losing either one’s changes', async () => {
    // The app and the CLI: each appends to its own log, and a load folds in the other's.
    const app = new TransferJournal(dir);
    const cli = new TransferJournal(dir);
    await app.saveMany([journalRecord('a', 1), journalRecord('gone', 2)]);
    await cli.save(journalRecord('b', 3));
    expect(ids((await cli.load()).records)).toEqual(['a', 'gone', 'b']);
    // The app keeps writing after its log was taken over.
    await app.save({ ...journalRecord('a', 1), state: 'paused' });
    await app.remove('gone');
    await app.save(journalRecord('c', 4));
    await cli.remove('b');

    expect(ids(journalRecordsOnDisk(dir))).toEqual(['a', 'c']);
    const loaded = await new TransferJournal(dir).load();
    expect(loaded.records.map((r) => [r.id, r.state])).toEqual([
      ['a', 'paused'],
      ['c', 'queued'],
    ]);
    expect(journalLogFiles(dir)).toHaveLength(1);
  });

  it('reports a damaged line, keeps it for inspection and every other record', async () => {
    const journal = new TransferJournal(dir);
    await journal.save(journalRecord('a', 1));
    await journal.save(journalRecord('b', 2));
    await journal.save(journalRecord('c', 3));
    const [log = ''] = journalLogFiles(dir);
    const lines = readFileSync(log, 'utf8').split('\n');
    lines[1] = '{"op":"put","at":1,"record":{"version":1,"id":"b"';
    writeFileSync(log, lines.join('\n'));
    const name = log.slice(dir.length + 1);

    const loaded = await new TransferJournal(dir).load();
    expect(ids(loaded.records)).toEqual(['a', 'c']);
    expect(loaded.corrupt).toEqual([`${name} line 2`]);
    expect(readFileSync(`${log}.corrupt`, 'utf8')).toBe(lines.join('\n'));
  });

  it('keeps the log within a few times the size of what it holds', async () => {
    const journal = new TransferJournal(dir);
    const big = journalRecord('big', 1);
    big.upload = { uploadId: 'u', partSize: 5, parts: [], completing: false };
    for (let n = 1; n <= 400; n++) {
      big.upload.parts.push({
        partNumber: n,
        etag: `"${'e'.repeat(30)}${n}"`,
        checksumCRC32: 'AAAAAA==',
        size: 5,
      });
      await journal.save(big);
    }
    const [log = ''] = journalLogFiles(dir);
    const recordBytes = Buffer.byteLength(JSON.stringify(big));
    // 400 saves of a growing record would be ~9 MB appended; the log is rewritten along the way.
    expect(statSync(log).size).toBeLessThan(Math.max(2 * 1024 * 1024, 5 * recordBytes));
    const loaded = await new TransferJournal(dir).load();
    expect(loaded.records[0]?.upload?.parts).toHaveLength(400);
  });
});
