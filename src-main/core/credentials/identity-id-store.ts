import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomicAsync } from '../fs/atomic';
import { ensurePrivateDir } from '../fs/private-dir';
import { silentLogger, type Logger } from '../log/logger';

/**
 * Where identity IDs are remembered between launches. An identity ID (region:uuid) is not a secret:
 * it only names the user's folder. Remembering it saves a GetId call at every launch.
 */
export interface IdentityIdStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, identityId: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** The cache key of one user of one user pool in one identity pool. */
export function identityCacheKey(identityPoolId: string, userPoolId: string, sub: string): string {
  return `${identityPoolId}|${userPoolId}|${sub}`;
}

/** A store that forgets everything when the process ends. */
export function memoryIdentityIdStore(): IdentityIdStore {
  const ids = new Map<string, string>();
  return {
    get: async (key) => ids.get(key),
    set: async (key, identityId) => void ids.set(key, identityId),
    delete: async (key) => void ids.delete(key),
  };
}

const IDENTITY_ID = /^[a-z]{2}(-[a-z]+)+-\d:[0-9a-f-]{36}$/;
const CacheFile = z.object({
  version: z.literal(1),
  identities: z.record(z.string(), z.string().regex(IDENTITY_ID)),
});
type CacheFile = z.infer<typeof CacheFile>;

export const IDENTITY_CACHE_FILE = 'identity-ids.json';

/**
 * A store kept in <appDataDir>/identity-ids.json. A missing, unreadable or malformed file is an
 * empty cache (the identity ID is simply asked for again), never an error.
 */
export function fileIdentityIdStore(
  appDataDir: string,
  log: Logger = silentLogger,
): IdentityIdStore {
  const path = join(appDataDir, IDENTITY_CACHE_FILE);
  let queue: Promise<unknown> = Promise.resolve();

  const load = async (): Promise<CacheFile> => {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      return { version: 1, identities: {} };
    }
    try {
      const parsed = CacheFile.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
    } catch {
      // fall through: a torn or hand-edited file is treated as empty
    }
    log.warn(`ignoring malformed ${IDENTITY_CACHE_FILE}`);
    return { version: 1, identities: {} };
  };

  // Read-modify-write steps run one after another, so two updates never lose each other.
  const update = (change: (file: CacheFile) => void): Promise<void> => {
    const next = queue.then(async () => {
      const file = await load();
      change(file);
      // The app-data folder also holds the journal and config: only the user may enter it.
      await ensurePrivateDir(appDataDir);
      await writeFileAtomicAsync(path, `${JSON.stringify(file, null, 2)}\n`);
    });
    queue = next.catch(() => undefined);
    return next.catch((error: unknown) => log.warn(`cannot write ${IDENTITY_CACHE_FILE}`, error));
  };

  return {
    get: async (key) => {
      await queue;
      const ids = (await load()).identities;
      return Object.hasOwn(ids, key) ? ids[key] : undefined;
    },
    set: (key, identityId) =>
      update((file) => {
        file.identities[key] = identityId;
      }),
    delete: (key) =>
      update((file) => {
        delete file.identities[key];
      }),
  };
}
