import { dirname } from 'node:path';
import { writeFileAtomic } from '../fs/atomic';
import { ensurePrivateDirSync } from '../fs/private-dir';
import { displayPath } from './field-help';
import { SETTING_PATHS } from './key-paths';
import { loadConfigWith, type ConfigLoadResult, type LoadConfigOptions } from './load';
import { getPath, isItOnly, isManagedOnly, setPath } from './merge';
import { managedConfigPath } from './paths';
import { problemFrom, showValue, type ConfigProblem, type Finding } from './problems';
import { readConfigSource } from './read-source';

/**
 * Changes to the user's settings, nested like the file ({ transfers: { parallelTransfers: 16 } }).
 * null removes the user's value, so the setting falls back to the next source or the default.
 */
export type UserSettingsPatch = Record<string, unknown>;

export type ConfigSaveResult =
  { ok: true; load: ConfigLoadResult } | { ok: false; errors: ConfigProblem[] };

/**
 * Keys a saved value replaces in the user's own file. The one parallel-transfers budget replaces
 * the old per-file and per-part pair, whose product would otherwise keep capping what the user
 * just chose. Only the user's file is tidied: a pair IT set still caps the budget.
 */
const SUPERSEDES: Readonly<Record<string, readonly string[]>> = {
  'transfers.parallelTransfers': ['transfers.concurrency', 'transfers.partConcurrency'],
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Flattens a patch into setting paths; null on a group ("ui") resets every setting in it. */
function flattenPatch(patch: UserSettingsPatch, file: string) {
  const changes = new Map<string, unknown>();
  const errors: ConfigProblem[] = [];
  const walk = (object: Record<string, unknown>, prefix: string[]) => {
    for (const [key, value] of Object.entries(object)) {
      const path = [...prefix, key];
      const dotted = path.join('.');
      const children = SETTING_PATHS.filter((p) => p.startsWith(`${dotted}.`));
      if (SETTING_PATHS.includes(dotted)) changes.set(dotted, value);
      else if (children.length && isObject(value)) walk(value, path);
      else if (children.length && value === null) children.forEach((c) => changes.set(c, null));
      else {
        const field = displayPath(path);
        const finding = {
          code: 'CONFIG_UNKNOWN_KEY' as const,
          message: `${field} is not a Hakobu setting, so it cannot be saved.`,
          fix: 'Change only settings listed in the Hakobu configuration reference.',
          params: { field },
        };
        errors.push(problemFrom(finding, { file, field }));
      }
    }
  };
  walk(patch, []);
  return { changes, errors };
}

/**
 * Why the managed file forbids setting `path` to `value`: 'unchanged' when it already holds that
 * value, undefined when the change is the user's to make.
 */
function lockedChange(
  managed: Record<string, unknown>,
  managedFile: string,
  path: string,
  value: unknown,
): Finding | 'unchanged' | undefined {
  const lockedValue = getPath(managed, path);
  if (lockedValue === undefined && isItOnly(path)) return itOnlyChange(managedFile, path, value);
  if (lockedValue === undefined && !isManagedOnly(path)) return undefined;
  if (JSON.stringify(lockedValue) === JSON.stringify(value)) return 'unchanged';
  // Removing a value the managed file overrides anyway is always allowed: it only tidies up.
  if (lockedValue === undefined && value === null) return undefined;
  return {
    code: 'CONFIG_LOCKED_KEY',
    message:
      lockedValue === undefined
        ? `${path} can be set only by ${managedFile} on this computer (endpoints decide where sign-in tokens are sent), so it cannot be changed.`
        : `${path} is locked to ${showValue(lockedValue)} by ${managedFile}, so it cannot be changed.`,
    fix: 'Ask your IT administrator if you need a different value.',
    params: { field: path, managedFile },
  };
}

/** Updates are IT's alone: a user may only remove a value of theirs (which was ignored anyway). */
function itOnlyChange(managedFile: string, path: string, value: unknown): Finding | undefined {
  if (value === null) return undefined;
  return {
    code: 'CONFIG_LOCKED_KEY',
    message: `${path} can be set only by IT's managed file (${managedFile}), so it cannot be changed.`,
    fix: 'Ask your IT administrator if you need a different value.',
    params: { field: path, managedFile },
  };
}

const problemKey = (p: ConfigProblem) => `${p.code}|${p.file ?? ''}|${p.field ?? ''}`;

/**
 * Saves changes to the user's config file, atomically. Refuses (writing nothing) to change a key
 * the managed file locks, and to save anything that would add a new configuration error.
 */
export function saveUserConfig(
  options: LoadConfigOptions & { patch: UserSettingsPatch },
): ConfigSaveResult {
  const userFile = options.userConfigPath;
  const managedFile = managedConfigPath(
    options.env ?? process.env,
    options.platform,
    options.allowManagedOverride,
  );
  const managed = readConfigSource({ kind: 'managed', path: managedFile });
  // Without the managed file we cannot know what IT locked, so nothing may be saved.
  if (managed.status === 'error') return { ok: false, errors: [managed.problem] };
  const user = readConfigSource({ kind: 'user', path: userFile });
  if (user.status === 'error') return { ok: false, errors: [user.problem] };

  const { changes, errors } = flattenPatch(options.patch, userFile);
  const next: Record<string, unknown> = structuredClone(user.status === 'ok' ? user.data : {});
  for (const [path, value] of changes) {
    const locked =
      managed.status === 'ok'
        ? lockedChange(managed.data, managedFile, path, value)
        : isItOnly(path)
          ? itOnlyChange(managedFile, path, value)
          : undefined;
    if (locked === 'unchanged') continue;
    if (locked) {
      errors.push(problemFrom(locked, { file: userFile, field: path }));
      continue;
    }
    if (value === null) {
      removePath(next, path);
      continue;
    }
    setPath(next, path, value);
    for (const old of SUPERSEDES[path] ?? []) removePath(next, old);
  }
  if (errors.length) return { ok: false, errors };

  const before = loadConfigWith(options, {});
  const after = loadConfigWith(options, { user: { status: 'ok', data: next } });
  if (!after.ok) {
    const known = new Set(before.ok ? [] : before.errors.map(problemKey));
    const added = after.errors.filter((p) => !known.has(problemKey(p)));
    if (added.length) return { ok: false, errors: added };
  }

  try {
    // The folder holds the user's settings (and beside them the journal): private, whoever made it.
    ensurePrivateDirSync(dirname(userFile));
    writeFileAtomic(userFile, `${JSON.stringify(next, null, 2)}\n`);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    const finding = {
      code: 'CONFIG_WRITE_FAILED' as const,
      message: `could not be saved (${reason}); the previous settings are unchanged.`,
      fix: 'Check that the folder exists, is writable by your user account, and the disk is not full.',
      params: { reason },
    };
    return { ok: false, errors: [problemFrom(finding, { file: userFile, field: null })] };
  }
  return { ok: true, load: after };
}

function removePath(object: Record<string, unknown>, path: string): void {
  const parts = path.split('.');
  const last = parts.pop() as string;
  const parent = parts.length ? getPath(object, parts.join('.')) : object;
  if (parent === null || typeof parent !== 'object' || Array.isArray(parent)) return;
  delete (parent as Record<string, unknown>)[last];
  // Drop objects the removal left empty, so "reset to default" leaves a tidy file.
  if (parts.length && Object.keys(parent).length === 0) removePath(object, parts.join('.'));
}
