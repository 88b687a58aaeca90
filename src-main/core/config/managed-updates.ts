import { problemsFromIssues } from './issues';
import { managedConfigPath, type ConfigEnv } from './paths';
import type { ConfigProblem } from './problems';
import { readConfigSource } from './read-source';
import { UpdatesConfig } from './schema';

/** IT's update settings as the managed file alone says, or why they could not be read. */
export type ManagedUpdates =
  | { status: 'ok'; updates: UpdatesConfig; file: string; setBy: 'managed' | 'default' }
  | { status: 'error'; problems: ConfigProblem[]; file: string };

/** Where to look for the managed file (the same options the loader takes). */
export interface ManagedUpdatesOptions {
  env?: ConfigEnv;
  platform?: NodeJS.Platform;
  allowManagedOverride?: boolean;
}

/**
 * Reads `updates` from the managed file only. It does not need the rest of the configuration to
 * be valid: a user's broken file must neither stop IT's updates nor turn on updates IT turned
 * off. A managed file that cannot be read, or whose `updates` is wrong, is an error, so the
 * caller can keep updates off rather than guess what IT meant.
 */
export function readManagedUpdates(options: ManagedUpdatesOptions = {}): ManagedUpdates {
  const file = managedConfigPath(
    options.env ?? process.env,
    options.platform,
    options.allowManagedOverride,
  );
  const read = readConfigSource({ kind: 'managed', path: file });
  if (read.status === 'error') return { status: 'error', problems: [read.problem], file };
  const given = read.status === 'ok' ? read.data.updates : undefined;
  const parsed = UpdatesConfig.safeParse(given);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      ...issue,
      path: ['updates', ...issue.path],
    }));
    const problems = problemsFromIssues(issues, read.status === 'ok' ? read.data : {}, {
      fileFor: () => file,
      missingHint: () => ({ message: '', fix: `Add it in ${file}.` }),
    });
    return { status: 'error', problems, file };
  }
  return {
    status: 'ok',
    updates: parsed.data,
    file,
    setBy: given === undefined ? 'default' : 'managed',
  };
}
