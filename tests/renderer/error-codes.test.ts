import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENT_NAMES, INVOKE_CHANNEL_NAMES } from '../../src-main/contract/names';
import ja from '../../src-renderer/i18n/ja.json';

type Tree = { [key: string]: string | Tree };

function hasLeaf(tree: Tree, dotted: string): boolean {
  let node: string | Tree | undefined = tree;
  for (const part of dotted.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' && node !== '';
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

// What can reach the window: the core behind the contract, and the shells around it (not the CLI,
// which prints main's English words).
const ROOTS = ['core', 'web-harness', 'electron'].map((dir) =>
  join(import.meta.dirname, '../../src-main', dir),
);
const NOT_CODES = new Set<string>([...INVOKE_CHANNEL_NAMES, ...EVENT_NAMES, 'config.json']);
/** Codes main builds from a prefix (cognito-errors/translate.ts), which no literal spells out. */
const BUILT_CODES = ['auth.unexpected', 'identity.unexpected'];

/** Every error code main can send in a UserError, found as quoted literals in its sources. */
function errorCodes(): Set<string> {
  const codes = new Set<string>(BUILT_CODES);
  const pattern = /'((?:auth|identity|library|transfer|settings|config|ipc|upload)\.[a-zA-Z]+)'/g;
  for (const file of ROOTS.flatMap(sourceFiles)) {
    for (const [, code] of readFileSync(file, 'utf8').matchAll(pattern)) {
      if (code && !NOT_CODES.has(code)) codes.add(code);
    }
  }
  return codes;
}

describe('error codes', () => {
  it('has Japanese for every error code main can send the window', () => {
    const codes = errorCodes();
    expect(codes.size).toBeGreaterThan(60);
    expect(codes).toContain('identity.noUsableRole');
    expect([...codes].filter((code) => !hasLeaf(ja, `errors.${code}`))).toEqual([]);
  });
});
