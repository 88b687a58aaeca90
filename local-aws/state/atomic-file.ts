import { readFileSync } from 'node:fs';

// One atomic writer for the whole project: a random temporary name per write, so two writes of
// the same file (say, an object's metadata) never share a temporary file.
export { writeFileAtomic } from '../../src-main/core/fs/atomic';

/** Reads and parses a JSON file, or returns undefined when it does not exist. */
export function readJsonIfExists(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
