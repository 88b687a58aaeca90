// Reads a journal folder synchronously, as tests that poll a running upload need.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JournalRecord } from '../../../src-main/core/transfers/journal';
import {
  liveRecords,
  mergeLogs,
  parseLog,
} from '../../../src-main/core/transfers/journal/log-format';
import type { LogEntry } from '../../../src-main/core/transfers/journal/schema';

/** The log files in a journal folder (one per journal that wrote and has not been folded yet). */
export function journalLogFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.startsWith('journal-') && name.endsWith('.jsonl'))
    .map((name) => join(dir, name));
}

/** The records a load() would return right now, without folding anything (a missing log is skipped). */
export function journalRecordsOnDisk(dir: string): JournalRecord[] {
  const sources: LogEntry[][] = [];
  for (const path of journalLogFiles(dir)) {
    try {
      sources.push(parseLog(readFileSync(path, 'utf8')).entries);
    } catch {
      // Claimed by a load or deleted when it emptied, between the listing and the read.
    }
  }
  return liveRecords(mergeLogs(sources));
}
