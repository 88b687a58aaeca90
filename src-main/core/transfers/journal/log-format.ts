import { LogEntry, type JournalRecord } from './schema';

/** A change waiting to be committed: the record is serialized when save() is called. */
export type Change = { op: 'put'; id: string; json: string } | { op: 'del'; id: string };

/** The id a log entry is about. */
export const idOf = (entry: LogEntry): string => (entry.op === 'put' ? entry.record.id : entry.id);

/** The log line for a change committed at `at` (ends with a newline). */
export function changeLine(change: Change, at: number): string {
  return change.op === 'put'
    ? `{"op":"put","at":${at},"record":${change.json}}\n`
    : `${JSON.stringify({ op: 'del', at, id: change.id })}\n`;
}

/** The log line that writes an entry again, keeping its commit time. */
export const entryLine = (entry: LogEntry): string =>
  entry.op === 'put'
    ? changeLine({ op: 'put', id: entry.record.id, json: JSON.stringify(entry.record) }, entry.at)
    : changeLine(entry, entry.at);

export interface ParsedLog {
  entries: LogEntry[];
  /** 1-based numbers of complete lines that are not valid entries. */
  corruptLines: number[];
}

function parseLine(line: string): LogEntry | undefined {
  try {
    const parsed = LogEntry.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads a log. Every line is written with its newline in one append, so a crash mid-append leaves
 * at most one unterminated last line: that one is the torn change and is dropped quietly (no
 * prefix of a JSON object is valid JSON). An invalid *terminated* line is real damage: reported.
 */
export function parseLog(text: string): ParsedLog {
  const lines = text.split('\n');
  const tail = lines.pop() ?? '';
  const parsed: ParsedLog = { entries: [], corruptLines: [] };
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const entry = parseLine(line);
    if (entry) parsed.entries.push(entry);
    else parsed.corruptLines.push(index + 1);
  });
  const last = tail.trim() === '' ? undefined : parseLine(tail);
  if (last) parsed.entries.push(last);
  return parsed;
}

/**
 * The latest entry of each item across logs. Within one log, a later line wins; across logs the
 * later commit time wins, and on a tie a removal wins (a cancelled item must not come back).
 */
export function mergeLogs(logs: readonly (readonly LogEntry[])[]): Map<string, LogEntry> {
  const latest = new Map<string, { entry: LogEntry; log: number }>();
  logs.forEach((entries, log) => {
    for (const entry of entries) {
      const id = idOf(entry);
      const current = latest.get(id);
      const wins =
        !current ||
        entry.at > current.entry.at ||
        (entry.at === current.entry.at && (current.log === log || entry.op === 'del'));
      if (wins) latest.set(id, { entry, log });
    }
  });
  return new Map([...latest].map(([id, { entry }]) => [id, entry]));
}

/** The live records of a merged state, in the order the user added them. */
export function liveRecords(state: ReadonlyMap<string, LogEntry>): JournalRecord[] {
  const records: JournalRecord[] = [];
  for (const entry of state.values()) if (entry.op === 'put') records.push(entry.record);
  return records.sort((a, b) => a.seq - b.seq);
}
