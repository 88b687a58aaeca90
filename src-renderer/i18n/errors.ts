import type { i18n } from 'i18next';
import type { UserError } from '../../src-main/contract/views';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/**
 * Turns anything an invoke rejected with into a UserError. HakobuError carries a code; anything
 * else is a bug or a transport failure, shown generically rather than as raw internals.
 */
export function toUserError(error: unknown): UserError {
  if (isRecord(error) && typeof error.code === 'string' && typeof error.message === 'string') {
    const params = isRecord(error.params) ? paramsOf(error.params) : undefined;
    return { code: error.code, message: error.message, ...(params ? { params } : {}) };
  }
  return {
    code: 'internal',
    message: 'Something went wrong inside Hakobu. Details are in the log.',
  };
}

function paramsOf(raw: Record<string, unknown>): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === 'string' || typeof value === 'number') params[key] = value;
  }
  return params;
}

/**
 * The user's words for an error: the translation of its code if there is one, else main's English
 * text. en.json maps main's codes to "" on purpose: main's English message is the original and
 * carries details (a client ID, a file name) that a fixed sentence would lose.
 */
export function errorText(i18n: i18n, error: UserError): string {
  return translatedOr(i18n, `errors.${error.code}`, error.message, error.params);
}

/**
 * The translation of `key`, or `fallback` (main's English words) when there is none, when it is
 * empty, or when it names a value main did not send (a sentence with "{{file}}" left in it).
 */
export function translatedOr(
  i18n: i18n,
  key: string,
  fallback: string,
  params?: Record<string, string | number>,
): string {
  // Codes are dotted paths; only a leaf string is a message (not a group such as "errors.auth").
  if (!i18n.exists(key)) return fallback;
  const text: unknown = i18n.t(key, { ...params, defaultValue: '' });
  return typeof text === 'string' && text !== '' && !text.includes('{{') ? text : fallback;
}
