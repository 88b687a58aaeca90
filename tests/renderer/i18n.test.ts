import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HakobuError } from '../../src-main/contract/api';
import type { TransferState } from '../../src-main/contract/views';
import { createI18n, resolveLanguage } from '../../src-renderer/i18n';
import en from '../../src-renderer/i18n/en.json';
import ja from '../../src-renderer/i18n/ja.json';
import { errorText, toUserError } from '../../src-renderer/i18n/errors';

type Tree = { [key: string]: string | Tree };

/** Every leaf key with its text; plural forms count as one key ("x_one", "x_other" → "x"). */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string')
      found.set(path.replace(/_(zero|one|two|few|many|other)$/, ''), value);
    else for (const [k, v] of leaves(value, path)) found.set(k, v);
  }
  return found;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const enKeys = leaves(en);
const jaKeys = leaves(ja);

describe('translations', () => {
  it('has the same keys in Japanese and English', () => {
    expect([...jaKeys.keys()].sort()).toEqual([...enKeys.keys()].sort());
  });

  it('uses the same placeholders in both languages', () => {
    for (const [key, english] of enKeys) {
      // An empty English error means "main's own English words"; the Japanese one stands alone.
      if (english === '') continue;
      expect(placeholders(jaKeys.get(key) ?? ''), key).toEqual(placeholders(english));
    }
  });

  it('translates every Japanese string (no empty or English-only leftovers)', () => {
    for (const [key, text] of jaKeys) {
      expect(text, key).not.toBe('');
    }
  });

  it('defines every key the renderer asks for', () => {
    const root = join(import.meta.dirname, '../../src-renderer');
    const used = new Set<string>();
    for (const file of sourceFiles(root)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([\w.]+)'/g)) {
        if (match[1]) used.add(match[1]);
      }
    }
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter((key) => !enKeys.has(key));
    expect(missing).toEqual([]);
  });

  it('names every transfer state and action the UI can show', () => {
    const states: TransferState[] = [
      'queued',
      'uploading',
      'paused',
      'conflict',
      'completed',
      'skipped',
      'failed',
      'cancelled',
    ];
    for (const state of states) expect(enKeys.has(`transfers.state.${state}`), state).toBe(true);
    for (const action of ['pause', 'resume', 'cancel', 'retry', 'resolve']) {
      expect(enKeys.has(`transfers.action.${action}`), action).toBe(true);
    }
  });

  it('labels the sign-in form exactly as the tests and docs name it', () => {
    expect(en.auth.email).toBe('Email');
    expect(en.auth.password).toBe('Password');
    expect(en.auth.signIn).toBe('Sign in');
  });
});

describe('resolveLanguage', () => {
  it('follows the OS unless the setting picks a language', () => {
    expect(resolveLanguage('system', 'ja-JP')).toBe('ja');
    expect(resolveLanguage('system', 'en-GB')).toBe('en');
    expect(resolveLanguage('system', 'fr-FR')).toBe('en');
    expect(resolveLanguage('system', undefined)).toBe('en');
    expect(resolveLanguage('ja', 'en-US')).toBe('ja');
    expect(resolveLanguage('en', 'ja-JP')).toBe('en');
  });
});

describe('error messages', () => {
  const unreadable = {
    code: 'transfer.unreadable',
    message: 'scan.tiff cannot be read (EACCES). Check its permissions, then add it again.',
    params: { name: 'scan.tiff' },
  };

  it('translates a known code into Japanese with its parameters', async () => {
    const i18n = await createI18n('ja');
    expect(errorText(i18n, unreadable)).toBe(
      'scan.tiff を読み取れません。アクセス権を確認してから、もう一度追加してください。',
    );
  });

  it("keeps main's English words in English, and for codes it doesn't know", async () => {
    const english = await createI18n('en');
    expect(errorText(english, unreadable)).toBe(unreadable.message);
    const japanese = await createI18n('ja');
    const unknown = { code: 'brand.new', message: 'Something new happened.' };
    expect(errorText(japanese, unknown)).toBe('Something new happened.');
    // A group of codes is not a message.
    expect(errorText(japanese, { code: 'auth', message: 'Plain words.' })).toBe('Plain words.');
  });

  it("falls back to main's words when a translation needs a value main did not send", async () => {
    const japanese = await createI18n('ja');
    const withParams = {
      code: 'config.invalid',
      message: 'config.json: "region" is missing.',
      params: { file: '/etc/hakobu/config.json', field: 'region' },
    };
    expect(errorText(japanese, withParams)).toContain('/etc/hakobu/config.json の region');
    const without = { code: 'config.invalid', message: 'Hakobu is not configured yet.' };
    expect(errorText(japanese, without)).toBe('Hakobu is not configured yet.');
  });

  it('turns anything thrown into a UserError, hiding internals of unexpected errors', () => {
    expect(toUserError(new HakobuError('disconnected', 'Lost it.', { a: 1 }))).toEqual({
      code: 'disconnected',
      message: 'Lost it.',
      params: { a: 1 },
    });
    expect(toUserError(new TypeError('x is undefined at https://…?token=abc'))).toEqual({
      code: 'internal',
      message: 'Something went wrong inside Hakobu. Details are in the log.',
    });
    expect(toUserError('a string').code).toBe('internal');
  });
});
