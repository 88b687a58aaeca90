// Saves records in a process of its own, so journal-crash.test.ts can SIGKILL it (see there).
import { TransferJournal } from '../../../src-main/core/transfers/journal';
import { journalRecord, manyRecords } from './journal-fixture';

const [dir = '', count = '0'] = process.argv.slice(2);
const journal = new TransferJournal(dir);
await journal.saveMany(manyRecords(Number(count)));
process.stdout.write('saved\n');
// Keep committing until killed, so the kill is likely to land in the middle of an append.
const churn = journalRecord('churn', Number(count));
for (let n = 0; ; n++) {
  churn.upload = { uploadId: 'u', partSize: 5, parts: [], completing: false };
  for (let p = 1; p <= (n % 50) + 1; p++) {
    churn.upload.parts.push({ partNumber: p, etag: `"e${p}"`, checksumCRC32: 'AAAAAA==', size: 5 });
  }
  await journal.save(churn);
}
