// The transfer journal: callers import it as './journal'.
export { TransferJournal } from './transfer-journal';
export { JournalRecord } from './schema';
export type { FinishedPart, LoadedJournal, MultipartProgress } from './schema';
