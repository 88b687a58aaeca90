import { describe, expect, it } from 'vitest';
import { TransferError } from '../../../src-main/core/transfers/errors';
import {
  buildKey,
  MAX_KEY_BYTES,
  normalizeRelativePath,
  renamedKey,
  resolvePrefix,
  validateKey,
} from '../../../src-main/core/transfers/keys';

const prefix = 'ap-northeast-1:11111111-2222-3333-4444-555555555555/';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof TransferError ? error.code : 'not a TransferError';
  }
}

describe('keys', () => {
  it('resolves the identity prefix template', () => {
    expect(resolvePrefix('${identityId}/', 'ap-northeast-1:abc')).toBe('ap-northeast-1:abc/');
    expect(resolvePrefix('users/${identityId}', 'x')).toBe('users/x/');
  });

  it('joins prefix, folder and relative path with / whatever the OS separator', () => {
    expect(buildKey(prefix, 'photos\\2024\\a.jpg', 'trip')).toBe(`${prefix}trip/photos/2024/a.jpg`);
  });

  it('turns an NFD (macOS) name into the same key as its NFC spelling', () => {
    const nfd = 'が.txt'.normalize('NFD');
    expect(nfd).not.toBe('が.txt');
    expect(buildKey(prefix, nfd)).toBe(`${prefix}が.txt`);
    expect(normalizeRelativePath(`フォルダ/${'パ'.normalize('NFD')}.png`)).toBe('フォルダ/パ.png');
  });

  it('counts the 1,024-byte limit in UTF-8 bytes, prefix included', () => {
    const room = MAX_KEY_BYTES - Buffer.byteLength(prefix);
    // 'あ' is three bytes: fill the room exactly, then one byte too many.
    const fits = 'あ'.repeat(Math.floor(room / 3)) + 'a'.repeat(room % 3);
    expect(Buffer.byteLength(prefix + fits)).toBe(MAX_KEY_BYTES);
    expect(buildKey(prefix, fits)).toBe(prefix + fits);
    expect(codeOf(() => buildKey(prefix, `${fits}a`))).toBe('transfer.keyTooLong');
    // Fewer than 1,024 characters, but more than 1,024 bytes.
    const short = 'あ'.repeat(340);
    expect(short.length).toBeLessThan(MAX_KEY_BYTES);
    expect(codeOf(() => buildKey(prefix, short))).toBe('transfer.keyTooLong');
  });

  it('refuses control characters with their own code', () => {
    expect(codeOf(() => validateKey(`${prefix}a\tb.txt`))).toBe('transfer.keyControlChars');
    expect(codeOf(() => validateKey(`${prefix}line\nbreak.txt`))).toBe('transfer.keyControlChars');
    expect(codeOf(() => validateKey(`${prefix}del\u007f.txt`))).toBe('transfer.keyControlChars');
    expect(codeOf(() => validateKey(`${prefix}ok name (1).txt`))).toBeUndefined();
  });

  it('renames photo.jpg to photo (n).jpg, keeping folders and dotfiles whole', () => {
    expect(renamedKey(`${prefix}a/photo.jpg`, 1)).toBe(`${prefix}a/photo (1).jpg`);
    expect(renamedKey(`${prefix}README`, 2)).toBe(`${prefix}README (2)`);
    expect(renamedKey(`${prefix}.env`, 1)).toBe(`${prefix}.env (1)`);
  });
});
