import { redactValue } from './redact';

/** The part of an electron-log message that can carry secrets: the arguments of the log call. */
export interface LogRecord {
  data: unknown[];
}

/**
 * Creates an electron-log hook that redacts every record, whichever path wrote it: the app's
 * logger, electron-log's own error handler or a direct electron-log call.
 */
export function createRedactionHook(): <R extends LogRecord>(record: R) => R {
  // electron-log runs hooks once per transport with the same record: redact it only once.
  const done = new WeakMap<LogRecord, LogRecord>();
  return <R extends LogRecord>(record: R): R => {
    const known = done.get(record);
    if (known) return known as R;
    const redacted = { ...record, data: record.data.map((item) => redactValue(item)) };
    done.set(record, redacted);
    return redacted;
  };
}
