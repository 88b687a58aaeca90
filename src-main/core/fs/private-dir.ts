import { chmodSync, mkdirSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';

/** The mode of every folder Hakobu keeps a user's data in: only its owner may list or enter it. */
export const PRIVATE_DIR_MODE = 0o700;
/** The mode of every file Hakobu writes under app data: only its owner may read or change it. */
export const PRIVATE_FILE_MODE = 0o600;

// mkdir's mode applies only to the folders it creates, and the umask filters it; a folder an
// earlier version created 0755 keeps its mode. So the folder itself is narrowed explicitly.
// (On Windows, chmod only toggles the read-only flag, which 0700 leaves off.)

/** Creates a folder (and missing parents) that only its owner may enter, narrowing an existing one to 0700. */
export async function ensurePrivateDir(path: string): Promise<void> {
  await mkdir(path, { recursive: true, mode: PRIVATE_DIR_MODE });
  await chmod(path, PRIVATE_DIR_MODE);
}

/** The synchronous twin of ensurePrivateDir, for start-up code that runs before anything async. */
export function ensurePrivateDirSync(path: string): void {
  mkdirSync(path, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(path, PRIVATE_DIR_MODE);
}
