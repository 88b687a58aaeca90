import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Makes the log folder private to the user: created 0700 (or tightened to it), and every log
 * already in it made 0600, so logs written by an older version stop being readable by others.
 */
export function preparePrivateLogFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  chmodSync(folder, 0o700);
  for (const name of readdirSync(folder)) {
    if (name.endsWith('.log')) chmodSync(join(folder, name), 0o600);
  }
}

/** The mode for new log files: readable and writable by the user alone. */
export const PRIVATE_LOG_FILE_MODE = 0o600;
