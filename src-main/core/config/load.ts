import { problemsFromIssues } from './issues';
import { unknownKeyWarnings } from './key-paths';
import {
  getPath,
  isManagedOnly,
  IT_ONLY_GROUPS,
  mergeLayers,
  settingPathOf,
  type ParsedLayer,
  type SettingOrigins,
} from './merge';
import { managedConfigPath, type ConfigEnv } from './paths';
import { problemFrom, showValue, type ConfigProblem } from './problems';
import {
  readConfigSource,
  type ConfigSource,
  type ConfigSourceKind,
  type SourceReadResult,
} from './read-source';
import { ConfigLayer, HakobuConfig } from './schema';
import { checkCustomDomainOrigin } from './sign-in-rules';

/** What the loader needs to know about where to look. */
export interface LoadConfigOptions {
  /** The user's config.json: Electron passes userData/config.json, the CLI its config folder's. */
  userConfigPath: string;
  /** A file named on the command line (--config); used instead of HAKOBU_CONFIG. */
  configPath?: string;
  env?: ConfigEnv;
  platform?: NodeJS.Platform;
  /**
   * Whether HAKOBU_MANAGED_CONFIG may move the managed file (default true). A shell that knows it
   * is installed (Electron's app.isPackaged) passes false; release bundles ignore it regardless.
   */
  allowManagedOverride?: boolean;
}

/** A file the loader considered, and whether it was there. */
export interface ConsideredSource {
  kind: ConfigSourceKind;
  path: string;
  found: boolean;
}

/** A configuration that loaded: the values, where each came from, and what to warn about. */
export interface LoadedConfig {
  config: HakobuConfig;
  origins: SettingOrigins;
  warnings: ConfigProblem[];
  /** Highest precedence first. */
  sources: ConsideredSource[];
}

export type ConfigLoadResult =
  | ({ ok: true } & LoadedConfig)
  | { ok: false; errors: ConfigProblem[]; warnings: ConfigProblem[]; sources: ConsideredSource[] };

/** The files to read, lowest precedence first: env (or --config) < user < managed. */
export function configSources(options: LoadConfigOptions): ConfigSource[] {
  const env = options.env ?? process.env;
  const sources: ConfigSource[] = [];
  if (options.configPath) {
    sources.push({ kind: 'env', path: options.configPath, namedBy: '--config' });
  } else if (env.HAKOBU_CONFIG) {
    sources.push({ kind: 'env', path: env.HAKOBU_CONFIG, namedBy: 'HAKOBU_CONFIG' });
  }
  sources.push({ kind: 'user', path: options.userConfigPath });
  const managed = managedConfigPath(env, options.platform, options.allowManagedOverride);
  sources.push({ kind: 'managed', path: managed });
  return sources;
}

/**
 * Takes IT-only groups out of a user or env file before it is validated: they are ignored there
 * whatever they hold (a bad value must not stop the app either), with one warning per group.
 */
function withoutItOnlyGroups(
  source: ConfigSource,
  data: Record<string, unknown>,
  managedFile: string,
) {
  const kept = { ...data };
  const warnings: ConfigProblem[] = [];
  for (const group of IT_ONLY_GROUPS) {
    if (!(group in kept)) continue;
    const finding = {
      code: 'CONFIG_LOCKED_KEY_IGNORED' as const,
      message: `${group} is set to ${showValue(kept[group])} here, but only IT's managed file (${managedFile}) may set ${group}, so this value is ignored.`,
      fix: `Remove ${group} from this file; ask your IT administrator if you need a different value.`,
      params: { field: group, managedFile },
    };
    warnings.push(problemFrom(finding, { file: source.path, field: group }, 'warning'));
    delete kept[group];
  }
  return { kept, warnings };
}

function parseLayer(source: ConfigSource, data: Record<string, unknown>) {
  const parsed = ConfigLayer.safeParse(data);
  if (parsed.success) return { layer: { source, data: parsed.data }, errors: [] };
  const errors = problemsFromIssues(parsed.error.issues, data, {
    fileFor: () => source.path,
    missingHint: () => ({ message: '', fix: `Add it in ${source.path}.` }),
  });
  return { layer: undefined, errors };
}

function lockedOverrideWarning(path: string, mine: unknown, theirs: unknown, managedFile: string) {
  const message =
    theirs === undefined && isManagedOnly(path)
      ? `${path} is set to ${showValue(mine)} here, but on this computer only ${managedFile} may set endpoints (they decide where sign-in tokens are sent), so this value is ignored and Hakobu uses AWS itself.`
      : `${path} is set to ${showValue(mine)} here, but it is locked to ${showValue(theirs)} by ${managedFile}, so this value is ignored.`;
  return {
    code: 'CONFIG_LOCKED_KEY_IGNORED' as const,
    message,
    fix: `Remove ${path} from this file; ask your IT administrator if you need a different value.`,
    params: { field: path, managedFile },
  };
}

function lockedOverrideWarnings(layers: readonly ParsedLayer[], origins: SettingOrigins) {
  const warnings: ConfigProblem[] = [];
  const managed = layers.find((l) => l.source.kind === 'managed');
  if (!managed) return warnings;
  for (const layer of layers) {
    if (layer.source.kind === 'managed') continue;
    for (const [path, origin] of Object.entries(origins)) {
      const mine = getPath(layer.data, path);
      const theirs = getPath(managed.data, path);
      if (!origin.locked || mine === undefined || JSON.stringify(mine) === JSON.stringify(theirs))
        continue;
      const finding = lockedOverrideWarning(path, mine, theirs, managed.source.path);
      warnings.push(problemFrom(finding, { file: layer.source.path, field: path }, 'warning'));
    }
  }
  return warnings;
}

function validateMerged(
  merged: Record<string, unknown>,
  origins: SettingOrigins,
  considered: readonly ConsideredSource[],
  userConfigPath: string,
) {
  const parsed = HakobuConfig.safeParse(merged);
  if (parsed.success) return { config: parsed.data, errors: [] };
  const found = considered.filter((s) => s.found).map((s) => s.path);
  const errors = problemsFromIssues(parsed.error.issues, merged, {
    fileFor: (path) => origins[settingPathOf(path) ?? '']?.file ?? null,
    missingHint: () => ({
      message: found.length
        ? ` in any configuration file (read: ${found.join(', ')})`
        : ' because no configuration file was found',
      fix: `Add it to ${userConfigPath}.`,
    }),
  }).map((problem) => {
    const regionFile = origins.region?.file;
    const mismatch = problem.code.endsWith('_REGION_MISMATCH');
    if (!mismatch || !regionFile || regionFile === problem.file) return problem;
    return { ...problem, message: problem.message.replace(/\.$/, ` (set in ${regionFile}).`) };
  });
  return { config: undefined, errors };
}

/**
 * Loads the effective configuration from the managed, user and env files. Never throws for bad
 * files: every problem comes back typed, naming the file, the field and the fix.
 */
export function loadConfig(options: LoadConfigOptions): ConfigLoadResult {
  return loadConfigWith(options, {});
}

/**
 * Like loadConfig, but with some sources' contents given instead of read, so a save can check
 * what the configuration would become before writing anything.
 */
export function loadConfigWith(
  options: LoadConfigOptions,
  given: Partial<Record<ConfigSourceKind, SourceReadResult>>,
): ConfigLoadResult {
  const sources = configSources(options);
  const considered: ConsideredSource[] = [];
  const layers: ParsedLayer[] = [];
  const errors: ConfigProblem[] = [];
  const warnings: ConfigProblem[] = [];
  for (const source of sources) {
    const read = given[source.kind] ?? readConfigSource(source);
    considered.unshift({ kind: source.kind, path: source.path, found: read.status !== 'absent' });
    if (read.status === 'absent') continue;
    if (read.status === 'error') {
      errors.push(read.problem);
      continue;
    }
    warnings.push(...unknownKeyWarnings(read.data, source.path));
    let data = read.data;
    if (source.kind !== 'managed') {
      const managedFile = sources.find((s) => s.kind === 'managed')?.path ?? '';
      const itOnly = withoutItOnlyGroups(source, data, managedFile);
      warnings.push(...itOnly.warnings);
      data = itOnly.kept;
    }
    const { layer, errors: layerErrors } = parseLayer(source, data);
    errors.push(...layerErrors);
    if (layer) layers.push(layer);
  }
  if (errors.length) return { ok: false, errors, warnings, sources: considered };

  const { merged, origins } = mergeLayers(layers);
  warnings.push(...lockedOverrideWarnings(layers, origins));
  const result = validateMerged(merged, origins, considered, options.userConfigPath);
  if (!result.config) return { ok: false, errors: result.errors, warnings, sources: considered };
  const domain = result.config.signIn.domain;
  const domainOrigin = origins['signIn.domain'];
  const custom =
    domain && domainOrigin
      ? checkCustomDomainOrigin(domain, domainOrigin.source, domainOrigin.file)
      : null;
  if (custom) {
    const problem = problemFrom(custom, {
      file: domainOrigin?.file ?? null,
      field: 'signIn.domain',
    });
    return { ok: false, errors: [problem], warnings, sources: considered };
  }
  return { ok: true, config: result.config, origins, warnings, sources: considered };
}
