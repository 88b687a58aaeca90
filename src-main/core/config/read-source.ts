import { readFileSync } from 'node:fs';
import { findJsonSyntaxError } from './json-syntax';
import { problemFrom, type ConfigProblem, type Finding } from './problems';

/** Where a configuration layer comes from, lowest precedence first: env < user < managed. */
export type ConfigSourceKind = 'env' | 'user' | 'managed';

/** A configuration file the loader will read. */
export interface ConfigSource {
  kind: ConfigSourceKind;
  path: string;
  /** How the path was given ("HAKOBU_CONFIG", "--config"); set only for an explicitly named file. */
  namedBy?: string;
}

export type SourceReadResult =
  | { status: 'absent' }
  | { status: 'error'; problem: ConfigProblem }
  | { status: 'ok'; data: Record<string, unknown> };

function whoFixes(source: ConfigSource): string {
  return source.kind === 'managed'
    ? 'Ask your IT administrator to fix it (it is the machine-wide Hakobu configuration).'
    : 'Fix it in a text editor, or delete it to start over with defaults.';
}

function unreadable(source: ConfigSource, error: NodeJS.ErrnoException): Finding {
  const code = error.code ?? 'unknown error';
  if (code === 'EISDIR') {
    return {
      code: 'CONFIG_FILE_UNREADABLE',
      message: 'is a folder, but Hakobu expects a JSON file there.',
      fix:
        source.kind === 'managed'
          ? 'Ask your IT administrator to put config.json inside it instead.'
          : 'Point to the config.json file inside it instead.',
      params: { reason: code },
    };
  }
  const denied = code === 'EACCES' || code === 'EPERM';
  return {
    code: 'CONFIG_FILE_UNREADABLE',
    message: denied
      ? 'cannot be read: permission denied.'
      : `cannot be read (${code}: ${error.message}).`,
    fix:
      source.kind === 'managed'
        ? 'Ask your IT administrator to make it readable by every user (for example, mode 644).'
        : `Make it readable by your user account (for example: chmod 600 "${source.path}").`,
    params: { reason: code },
  };
}

/** Reads one configuration file: absent is fine unless it was named explicitly; anything else is a problem. */
export function readConfigSource(source: ConfigSource): SourceReadResult {
  const where = { file: source.path, field: null };
  let text: string;
  try {
    text = readFileSync(source.path, 'utf8');
  } catch (error) {
    const errno = error as NodeJS.ErrnoException;
    if (errno.code === 'ENOENT' && !source.namedBy) return { status: 'absent' };
    if (errno.code === 'ENOENT') {
      const finding: Finding = {
        code: 'CONFIG_FILE_NOT_FOUND',
        message: `does not exist, but ${source.namedBy} names it.`,
        fix: `Correct the path in ${source.namedBy}, or stop setting ${source.namedBy}.`,
        params: { namedBy: source.namedBy ?? '' },
      };
      return { status: 'error', problem: problemFrom(finding, where) };
    }
    return { status: 'error', problem: problemFrom(unreadable(source, errno), where) };
  }
  // Notepad saves UTF-8 with a byte-order mark, which JSON.parse rejects.
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const syntax = findJsonSyntaxError(text) ?? {
      line: 1,
      column: 1,
      offset: 0,
      reason: 'not valid JSON',
    };
    const finding: Finding = {
      code: 'CONFIG_JSON_MALFORMED',
      message: `is not valid JSON at line ${syntax.line}, column ${syntax.column}: ${syntax.reason}.`,
      fix: whoFixes(source),
      params: { line: syntax.line, column: syntax.column, reason: syntax.reason },
    };
    return { status: 'error', problem: problemFrom(finding, where) };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const finding: Finding = {
      code: 'CONFIG_NOT_AN_OBJECT',
      message: `holds ${Array.isArray(data) ? 'a list' : JSON.stringify(data)}, but a Hakobu configuration is a JSON object ({ ... }).`,
      fix: whoFixes(source),
    };
    return { status: 'error', problem: problemFrom(finding, where) };
  }
  return { status: 'ok', data: data as Record<string, unknown> };
}
