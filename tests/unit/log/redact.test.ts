import { describe, expect, it } from 'vitest';
import { createLogger, type LogLevel } from '../../../src-main/core/log/logger';
import { redactText, redactValue } from '../../../src-main/core/log/redact';
import { ORDINARY_TEXTS, SECRET_TEXTS, SECRETS, secretValues } from './secret-shapes';

const jwt =
  'eyJraWQiOiJhYmMiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwidG9rZW5fdXNlIjoiaWQifQ.c2lnbmF0dXJlLXBhcnQtaGVyZQ';
const refresh =
  'eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ.abcDEF123.ghiJKL456.mnoPQR789.stuVWX012';

describe('log redaction', () => {
  it('removes JWTs, refresh tokens, access keys and presigned signatures from text', () => {
    const text = `id=${jwt} refresh=${refresh} key=ASIAABCDEFGHIJKLMNOP url=https://b.s3/x?X-Amz-Security-Token=FwoGZX%2Babc&X-Amz-Signature=deadbeef`;
    const out = redactText(text);
    expect(out).not.toContain(jwt);
    expect(out).not.toContain('stuVWX012');
    expect(out).not.toContain('ASIAABCDEFGHIJKLMNOP');
    expect(out).not.toContain('FwoGZX');
    expect(out).not.toContain('deadbeef');
    expect(out).toContain('X-Amz-Security-Token=[redacted]');
  });

  it('redacts secret-named fields at any depth and keeps the rest', () => {
    const value = redactValue({
      user: 'demo@hakobu.example',
      credentials: {
        accessKeyId: 'ASIAABCDEFGHIJKLMNOP',
        secretAccessKey: 'abc/def',
        sessionToken: 'xyz',
      },
      tokens: [{ RefreshToken: 'opaque-refresh' }],
    });
    expect(value).toEqual({
      user: 'demo@hakobu.example',
      credentials: {
        accessKeyId: '[redacted]',
        secretAccessKey: '[redacted]',
        sessionToken: '[redacted]',
      },
      tokens: '[redacted]',
    });
  });

  it('redacts errors that carry tokens in their message', () => {
    const records: [LogLevel, string, readonly unknown[]][] = [];
    const log = createLogger((...record) => records.push(record)).child('auth');
    log.error(`refresh failed for ${jwt}`, new Error(`bad token ${jwt}`));
    expect(JSON.stringify(records)).not.toContain(jwt);
    expect(records[0]?.[1]).toBe('[auth] refresh failed for [redacted]');
  });
});

describe('redaction of every shape a secret takes', () => {
  const leaks = (output: string) => SECRETS.filter((secret) => output.includes(secret));

  it('removes the secret from headers, JSON bodies, encoded URLs and otpauth links', () => {
    expect(SECRET_TEXTS.filter((text) => leaks(redactText(text)).length > 0)).toEqual([]);
  });

  it('keeps names and ordinary text, so a line still says what happened', () => {
    expect(redactText('x-amz-security-token: abc')).toBe('x-amz-security-token: [redacted]');
    expect(redactText('{"SessionToken":"abc","AccessKeyId":"AKIDSAFE"}')).toBe(
      '{"SessionToken":"[redacted]","AccessKeyId":"AKIDSAFE"}',
    );
    expect(redactText('otpauth://totp/Hakobu?secret=ABC&issuer=Hakobu')).toBe(
      'otpauth://totp/Hakobu?secret=[redacted]&issuer=Hakobu',
    );
    expect(ORDINARY_TEXTS.map(redactText)).toEqual(ORDINARY_TEXTS);
  });

  it('replaces what lies deeper than eight levels with "[truncated]"', () => {
    let deep: unknown = { secret: 'deep-secret-65' };
    for (let level = 0; level < 12; level += 1) deep = { level: deep };
    const out = JSON.stringify(redactValue(deep));
    expect(out).not.toContain('deep-secret-65');
    expect(out).toContain('"[truncated]"');
  });

  it('survives cycles, and keeps dates, flags and numbers readable', () => {
    const cyclic: Record<string, unknown> = { name: 'queue' };
    cyclic.self = cyclic;
    expect(redactValue(cyclic)).toEqual({ name: 'queue', self: '[circular]' });
    const when = new Date(0);
    expect(redactValue({ when, hasPassword: true, tokenTtl: 3600 })).toEqual({
      when,
      hasPassword: true,
      tokenTtl: 3600,
    });
  });

  it('lets no secret through the real logger, in the message or in any value', () => {
    const records: unknown[] = [];
    const log = createLogger((...record) => records.push(record)).child('auth');
    for (const text of SECRET_TEXTS) log.warn(text, text);
    log.error('request failed', ...secretValues());
    expect(leaks(JSON.stringify(records))).toEqual([]);
  });
});
