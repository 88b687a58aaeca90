// Records and helpers shared by the journal tests.
import type { JournalRecord } from '../../../src-main/core/transfers/journal';

/** A queued record for file `id`, added `seq`-th. */
export const journalRecord = (id: string, seq: number): JournalRecord => ({
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

/** `count` queued records, f0 … f(count-1), in that order. */
export const manyRecords = (count: number): JournalRecord[] =>
  Array.from({ length: count }, (_, n) => journalRecord(`f${n}`, n));
