import { randomBytes } from 'node:crypto';
import { readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomicAsync } from '../../fs/atomic';
import { parseLog } from './log-format';
import { JournalRecord, type LogEntry } from './schema';

const LOG_PREFIX = 'journal-';
const LOG_SUFFIX = '.jsonl';
// A compaction's temporary file lives for milliseconds; one this old was left by a crash.
const STALE_TEMP_MS = 10 * 60_000;

/** Whether a file in the journal folder is a log (of this or any other process). */
export const isLogName = (name: string): boolean =>
  name.startsWith(LOG_PREFIX) && name.endsWith(LOG_SUFFIX);

/** A log name no other journal instance, in this process or another, will ever use. */
export const newLogName = (): string =>
  `${LOG_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}${LOG_SUFFIX}`;

export interface FolderScan {
  /** The entries of each log and old per-item file, one list per source. */
  sources: LogEntry[][];
  /** Claimed logs and old per-item files: deleted once their entries are durable in our log. */
  folded: string[];
  /** Another process's log could not be claimed: removals must stay recorded beside it. */
  othersRemain: boolean;
  corrupt: string[];
}

const ignoreMissing = (error: NodeJS.ErrnoException): undefined => {
  if (error.code !== 'ENOENT') throw error;
  return undefined;
};

// Temporary files of the per-item format (".<id>.json.<hex>.tmp") are leftovers of an interrupted
// write, as before; a log's are left alone while a compaction in another process may own them.
async function dropTemp(path: string, name: string): Promise<void> {
  if (name.includes(`${LOG_SUFFIX}.`)) {
    const info = await stat(path).catch(() => undefined);
    if (!info || Date.now() - info.mtimeMs < STALE_TEMP_MS) return;
  }
  await unlink(path).catch(() => undefined);
}

/**
 * Takes another journal's log by renaming it to a fresh log name of our own: from then on, no one
 * else reads it, and its writer (if still running) notices and writes its next changes anew
 * (see OwnLog.append). A crash before the fold completes leaves a log the next load claims again.
 */
async function claim(dir: string, name: string): Promise<{ text: string; claimed?: string }> {
  const claimed = join(dir, newLogName());
  try {
    await rename(join(dir, name), claimed);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { text: '' };
    // Windows refuses to rename a file another process holds open: read it where it is.
    return { text: (await readFile(join(dir, name), 'utf8').catch(ignoreMissing)) ?? '' };
  }
  return { text: await readFile(claimed, 'utf8'), claimed };
}

async function readOldRecord(path: string): Promise<LogEntry | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    const parsed = JournalRecord.safeParse(JSON.parse(text));
    // The file's time orders it against log entries, as a commit time would.
    return parsed.success ? { op: 'put', at: info.mtimeMs, record: parsed.data } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads everything in the journal folder: our log, other processes' logs (claimed), and the
 * per-item "<id>.json" files of versions before the log, which are folded in and then deleted.
 */
export async function scanFolder(dir: string, ownName: string): Promise<FolderScan> {
  const scan: FolderScan = { sources: [], folded: [], othersRemain: false, corrupt: [] };
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    if (name.endsWith('.tmp')) {
      await dropTemp(path, name);
    } else if (isLogName(name)) {
      let text: string;
      if (name === ownName) {
        text = (await readFile(path, 'utf8').catch(ignoreMissing)) ?? '';
      } else {
        const taken = await claim(dir, name);
        text = taken.text;
        if (taken.claimed) scan.folded.push(taken.claimed);
        else if (text !== '') scan.othersRemain = true;
      }
      const parsed = parseLog(text);
      if (parsed.corruptLines.length > 0) {
        scan.corrupt.push(...parsed.corruptLines.map((line) => `${name} line ${line}`));
        // The damaged log as it was, for inspection, like a corrupt per-item file.
        await writeFileAtomicAsync(`${path}.corrupt`, text);
      }
      scan.sources.push(parsed.entries);
    } else if (name.endsWith('.json')) {
      const entry = await readOldRecord(path);
      if (entry) {
        scan.sources.push([entry]);
        scan.folded.push(path);
      } else {
        scan.corrupt.push(name);
        await rename(path, `${path}.corrupt`).catch(() => undefined);
      }
    }
  }
  return scan;
}
