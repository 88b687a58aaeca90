import { SETTING_PATHS } from './key-paths';
import type { ConfigSource, ConfigSourceKind } from './read-source';
import type { ConfigLayer } from './schema';

/** Where a setting's effective value comes from. */
export type SettingSource = ConfigSourceKind | 'default';

/** Where one setting comes from, and whether IT has locked it. */
export interface SettingOrigin {
  source: SettingSource;
  /** The file that set it; null for defaults. */
  file: string | null;
  /** Set by the managed (machine-wide) file: the user cannot change it. */
  locked: boolean;
}

/** Per setting path ("transfers.concurrency"): its origin. Every known setting is listed. */
export type SettingOrigins = Record<string, SettingOrigin>;

/** One file's validated contents. */
export interface ParsedLayer {
  source: ConfigSource;
  data: ConfigLayer;
}

/** Reads a dotted setting path from an object. */
export function getPath(object: unknown, path: string): unknown {
  let current = object;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** Writes a dotted setting path into an object, creating intermediate objects. */
export function setPath(object: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  const last = parts.pop() as string;
  let current = object;
  for (const part of parts) {
    const next = current[part];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) current[part] = {};
    current = current[part] as Record<string, unknown>;
  }
  current[last] = value;
}

/**
 * Groups only the managed file may set once it exists, even the keys it leaves out: the endpoints
 * and the sign-in domain decide where the user's tokens go, so a user file must not point them
 * elsewhere on a managed machine.
 */
export const MANAGED_ONLY_GROUPS: readonly string[] = ['endpoints', 'signIn'];

/** True for a setting path inside a MANAGED_ONLY_GROUPS group ("endpoints.s3"). */
export function isManagedOnly(path: string): boolean {
  return MANAGED_ONLY_GROUPS.some((group) => path === group || path.startsWith(`${group}.`));
}

/**
 * Groups only the managed file may ever set, whether or not it exists: whether and from where the
 * app updates itself is IT's decision, so a user or HAKOBU_CONFIG file cannot turn updates on,
 * point them at another server or switch channel. Such values are ignored with a warning.
 */
export const IT_ONLY_GROUPS: readonly string[] = ['updates'];

/** True for a setting path inside an IT_ONLY_GROUPS group ("updates.url"). */
export function isItOnly(path: string): boolean {
  return IT_ONLY_GROUPS.some((group) => path === group || path.startsWith(`${group}.`));
}

/**
 * Merges layers given lowest precedence first. Objects merge per key and arrays are replaced, so
 * each setting path takes its value from the highest layer that sets it.
 */
export function mergeLayers(layers: readonly ParsedLayer[]): {
  merged: Record<string, unknown>;
  origins: SettingOrigins;
} {
  const merged: Record<string, unknown> = {};
  const origins: SettingOrigins = {};
  const managed = layers.find((layer) => layer.source.kind === 'managed');
  for (const path of SETTING_PATHS) {
    const lockedByManaged = managed !== undefined && isManagedOnly(path);
    // An IT-only setting is locked even at its default: no file but the managed one may change it.
    const itOnly = isItOnly(path);
    let origin: SettingOrigin = lockedByManaged
      ? { source: 'managed', file: managed.source.path, locked: true }
      : { source: 'default', file: null, locked: itOnly };
    const readFrom = itOnly || lockedByManaged ? (managed ? [managed] : []) : layers;
    for (const layer of readFrom) {
      const value = getPath(layer.data, path);
      if (value === undefined) continue;
      setPath(merged, path, value);
      origin = {
        source: layer.source.kind,
        file: layer.source.path,
        locked: layer.source.kind === 'managed',
      };
    }
    origins[path] = origin;
  }
  return { merged, origins };
}

/** The setting path that holds a key path from a validation issue (["locations", 0, "bucket"] -> "locations"). */
export function settingPathOf(path: readonly PropertyKey[]): string | undefined {
  const names = path.map(String);
  for (let length = names.length; length > 0; length -= 1) {
    const candidate = names.slice(0, length).join('.');
    if (SETTING_PATHS.includes(candidate)) return candidate;
  }
  return undefined;
}
