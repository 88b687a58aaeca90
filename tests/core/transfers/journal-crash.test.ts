import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TransferJournal } from '../../../src-main/core/transfers/journal';
import { journalRecord } from './journal-fixture';
import { journalLogFiles } from './journal-files';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hakobu-journal-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs journal-child.ts, waits for "saved" and SIGKILLs it (it keeps committing until then). */
async function saveThenKill(count: number): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'journal-child.ts'), dir, String(count)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  try {
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('saved\n')) resolve();
      });
      child.on('exit', () => reject(new Error(`the child ended before saving: ${stderr}`)));
    });
  } finally {
    child.kill('SIGKILL');
  }
  expect(await exited, stderr).toBe('SIGKILL');
}

describe('journal crash safety', () => {
  it('keeps every record saveMany confirmed when the process is killed right after', async () => {
    await saveThenKill(500);
    const loaded = await new TransferJournal(dir).load();
    const saved = loaded.records.filter((r) => r.id !== 'churn');
    expect(saved).toHaveLength(500);
    expect(saved.every((r) => r.state === 'queued')).toBe(true);
    expect(saved.map((r) => r.id)).toEqual(Array.from({ length: 500 }, (_, n) => `f${n}`));
    // The change being written at the kill is at worst torn, never damage to report.
    expect(loaded.corrupt).toEqual([]);
  });

  it('loses only the change torn by a crash, not the ones before it', async () => {
    const journal = new TransferJournal(dir);
    const a = journalRecord('a', 1);
    await journal.saveMany([a, journalRecord('b', 2)]);
    await journal.save({ ...a, state: 'paused' });
    await journal.save({ ...a, state: 'failed' });
    const [log = ''] = journalLogFiles(dir);
    // A crash in the middle of the last append: half its line reached the disk.
    const text = readFileSync(log, 'utf8');
    const lastLine = text.slice(text.lastIndexOf('\n', text.length - 2) + 1);
    truncateSync(log, Buffer.byteLength(text) - Math.floor(Buffer.byteLength(lastLine) / 2));

    const loaded = await new TransferJournal(dir).load();
    expect(loaded.records.map((r) => [r.id, r.state])).toEqual([
      ['a', 'paused'],
      ['b', 'queued'],
    ]);
    expect(loaded.corrupt).toEqual([]);
  });
});
