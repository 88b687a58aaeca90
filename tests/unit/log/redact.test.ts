import { describe, expect, it } from 'vitest';
import { createLogger, type LogLevel } from '../../../src-main/core/log/logger';
import { redactText, redactValue } from '../../../src-main/core/log/redact';

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
