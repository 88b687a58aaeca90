import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TransferJournal } from '../../../src-main/core/transfers/journal';
import { journalRecord, manyRecords } from './journal-fixture';
import { journalLogFiles } from './journal-files';

let dir: string;
let fsyncs: () => number;

// Every fsync Node makes through the promise API goes through FileHandle's sync or datasync.
async function fileHandlePrototype(): Promise<FileHandle> {
  const probe = await open(join(dir, 'probe'), 'w');
  const proto = Object.getPrototypeOf(probe) as FileHandle;
  await probe.close();
  rmSync(join(dir, 'probe'));
  return proto;
}

async function countFsyncs(): Promise<() => number> {
  const proto = await fileHandlePrototype();
  const sync = vi.spyOn(proto, 'sync');
  const datasync = vi.spyOn(proto, 'datasync');
  return () => sync.mock.calls.length + datasync.mock.calls.length;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hakobu-journal-'));
  fsyncs = await countFsyncs();
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('journal group commit', () => {
  it('makes a drop of 1,000 files durable with a handful of fsyncs', async () => {
    const journal = new TransferJournal(dir);
    await journal.saveMany(manyRecords(1000));
    expect(fsyncs()).toBeLessThanOrEqual(3);
    expect((await new TransferJournal(dir).load()).records).toHaveLength(1000);
  });

  it('lets concurrent saves and removals share fsyncs', async () => {
    const journal = new TransferJournal(dir);
    await journal.saveMany(manyRecords(8));
    const before = fsyncs();
    // Eight uploads each finishing a part, most while the first save is being written.
    const first = journal.save({ ...journalRecord('f0', 0), state: 'paused' });
    await new Promise((resolve) => setImmediate(resolve));
    const rest = Array.from({ length: 7 }, (_, n) =>
      journal.save({ ...journalRecord(`f${n + 1}`, n + 1), state: 'paused' }),
    );
    const removals = [journal.remove('f0'), journal.remove('f1')];
    await Promise.all([first, ...rest, ...removals]);
    expect(fsyncs() - before).toBeLessThanOrEqual(2);
    const { records } = await new TransferJournal(dir).load();
    expect(records.map((r) => [r.id, r.state])).toEqual(
      Array.from({ length: 6 }, (_, n) => [`f${n + 2}`, 'paused']),
    );
  });
});

describe('journal log taken over mid-append', () => {
  it('writes the change again when another process claims the log during its fsync', async () => {
    const journal = new TransferJournal(dir);
    await journal.save(journalRecord('a', 1));
    const [log = ''] = journalLogFiles(dir);
    const proto = await fileHandlePrototype();
    const datasync = proto.datasync;
    // Another process's load renames the log away while this append is being written, and
    // (in the worst case) read it before the append landed.
    vi.spyOn(proto, 'datasync').mockImplementationOnce(function (this: FileHandle) {
      renameSync(log, join(dir, 'read-by-another-process'));
      return datasync.call(this);
    });
    await journal.save(journalRecord('b', 2));
    expect((await new TransferJournal(dir).load()).records.map((r) => r.id)).toEqual(['b']);
  });
});
