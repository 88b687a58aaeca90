/**
 * Stable codes for every configuration problem. The UI translates by code (with `params`);
 * the English `message` and `fix` serve the CLI, logs and support tickets.
 */
export type ConfigProblemCode =
  | 'CONFIG_FILE_NOT_FOUND'
  | 'CONFIG_FILE_UNREADABLE'
  | 'CONFIG_JSON_MALFORMED'
  | 'CONFIG_NOT_AN_OBJECT'
  | 'CONFIG_UNKNOWN_KEY'
  | 'CONFIG_INVALID_VALUE'
  | 'CONFIG_MISSING_FIELD'
  | 'CONFIG_REGION_INVALID'
  | 'CONFIG_USER_POOL_ID_INVALID'
  | 'CONFIG_USER_POOL_REGION_MISMATCH'
  | 'CONFIG_CLIENT_ID_INVALID'
  | 'CONFIG_IDENTITY_POOL_ID_INVALID'
  | 'CONFIG_IDENTITY_POOL_REGION_MISMATCH'
  | 'CONFIG_ENDPOINT_INVALID'
  | 'CONFIG_ENDPOINT_NOT_ALLOWED'
  | 'CONFIG_SIGN_IN_DOMAIN_INVALID'
  | 'CONFIG_SIGN_IN_DOMAIN_NOT_ALLOWED'
  | 'CONFIG_BUCKET_INVALID'
  | 'CONFIG_PREFIX_UNKNOWN_VARIABLE'
  | 'CONFIG_PREFIX_NOT_OWN_FOLDER'
  | 'CONFIG_PREFIX_INVALID'
  | 'CONFIG_LOCATIONS_EMPTY'
  | 'CONFIG_LOCATION_NAME_DUPLICATE'
  | 'CONFIG_LOCATION_NAME_INVALID'
  | 'CONFIG_ROLE_ARN_INVALID'
  | 'CONFIG_UPDATE_URL_INVALID'
  | 'CONFIG_LOCKED_KEY'
  | 'CONFIG_LOCKED_KEY_IGNORED'
  | 'CONFIG_WRITE_FAILED';

export type ConfigProblemSeverity = 'error' | 'warning';

/** One thing wrong with the configuration, with enough detail to act on it. */
export interface ConfigProblem {
  code: ConfigProblemCode;
  severity: ConfigProblemSeverity;
  /** The file at fault, or null when no single file is (e.g. a field no file sets). */
  file: string | null;
  /** The key path as a user would write it, e.g. "locations[0].prefix"; null for whole-file problems. */
  field: string | null;
  /** What is wrong, in one English sentence (without the file name). */
  message: string;
  /** What to do about it, in English. */
  fix: string;
  /** Values a translation can interpolate (the offending value, line, column, suggestion...). */
  params: Record<string, string | number>;
}

/** A problem as the rule that found it reports it; the loader adds file, field and severity. */
export interface Finding {
  code: ConfigProblemCode;
  message: string;
  fix: string;
  params?: Record<string, string | number>;
}

/** Builds a problem from a finding, once the file and field are known. */
export function problemFrom(
  finding: Finding,
  where: { file: string | null; field: string | null },
  severity: ConfigProblemSeverity = 'error',
): ConfigProblem {
  return {
    code: finding.code,
    severity,
    file: where.file,
    field: where.field,
    message: finding.message,
    fix: finding.fix,
    params: finding.params ?? {},
  };
}

/** Formats a problem for humans: "<file>: <what is wrong> <how to fix it>", optionally tagged. */
export function formatConfigProblem(
  problem: ConfigProblem,
  options: { withCode?: boolean; withSeverity?: boolean } = {},
): string {
  const where = problem.file ?? 'Hakobu configuration';
  const severity = options.withSeverity ? `${problem.severity}: ` : '';
  const code = options.withCode ? ` [${problem.code}]` : '';
  return `${severity}${where}: ${problem.message} ${problem.fix}${code}`;
}

/** Renders a value for a message: strings quoted, long values shortened so a message stays readable. */
export function showValue(value: unknown): string {
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
