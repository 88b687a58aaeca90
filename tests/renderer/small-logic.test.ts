import { describe, expect, it } from 'vitest';
import type { SettingsView } from '../../src-main/contract/views';
import { routeFromHash } from '../../src-renderer/app/routes';
import { reconnectDelay } from '../../src-renderer/bridge/backoff';
import {
  digitsOnly,
  groupSecret,
  isCompleteCode,
  otpauthSecret,
} from '../../src-renderer/features/auth/otpauth';
import { sourceOf, wholeNumberIn } from '../../src-renderer/features/settings/setting-source';
import {
  actionsFor,
  bulkActions,
  isFinished,
} from '../../src-renderer/features/transfers/transfer-actions';

describe('reconnect backoff', () => {
  it('grows, is capped, and always waits at least half the step', () => {
    const options = { baseMs: 100, maxMs: 1_000 };
    expect(reconnectDelay(0, options, () => 0)).toBe(50);
    expect(reconnectDelay(0, options, () => 1)).toBe(100);
    expect(reconnectDelay(3, options, () => 0.5)).toBe(600);
    expect(reconnectDelay(30, options, () => 1)).toBe(1_000);
    expect(reconnectDelay(30, options, () => 0)).toBe(500);
  });
});

describe('routes', () => {
  it('reads the screen from the hash and falls back to the library', () => {
    expect(routeFromHash('#/transfers')).toBe('transfers');
    expect(routeFromHash('#diagnostics')).toBe('diagnostics');
    expect(routeFromHash('')).toBe('library');
    expect(routeFromHash('#/constructor')).toBe('library');
  });
});

describe('TOTP enrolment helpers', () => {
  it('reads the secret from the otpauth URI and groups it for reading', () => {
    const uri = 'otpauth://totp/Hakobu:hana%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Hakobu';
    expect(otpauthSecret(uri)).toBe('JBSWY3DPEHPK3PXP');
    expect(otpauthSecret('not a uri')).toBeNull();
    expect(groupSecret('jbswy3dpehpk3pxpq')).toBe('JBSW Y3DP EHPK 3PXP Q');
  });

  it('accepts codes typed with spaces, and only 6 to 8 digits', () => {
    expect(digitsOnly('123 456')).toBe('123456');
    expect(isCompleteCode('123456')).toBe(true);
    expect(isCompleteCode('12345')).toBe(false);
    expect(isCompleteCode('123456789')).toBe(false);
  });
});

describe('transfer actions', () => {
  it('offers what each state allows', () => {
    expect(actionsFor('uploading')).toEqual(['pause', 'cancel']);
    expect(actionsFor('paused')).toEqual(['resume', 'cancel']);
    expect(actionsFor('conflict')).toEqual(['resolve', 'cancel']);
    expect(actionsFor('failed')).toEqual(['retry']);
    expect(actionsFor('completed')).toEqual([]);
    expect(isFinished('cancelled')).toBe(true);
    expect(isFinished('paused')).toBe(false);
  });

  it('enables bulk commands only when they would do something', () => {
    const item = (id: string, state: 'failed' | 'paused' | 'completed') =>
      ({ id, name: id, location: 'P', key: id, size: 1, sentBytes: 0, state }) as const;
    expect(bulkActions([item('a', 'failed'), item('b', 'paused'), item('c', 'completed')])).toEqual(
      { canPause: false, canResume: true, canCancel: true, failedIds: ['a'], canClear: true },
    );
    expect(bulkActions([])).toMatchObject({ canPause: false, canCancel: false, canClear: false });
  });
});

describe('setting sources', () => {
  const settings = {
    values: {},
    sources: {
      'transfers.parallelTransfers': { source: 'user', locked: false },
      'transfers.conflictPolicy': { source: 'default', locked: true },
    },
  } as unknown as SettingsView;

  it('says where a value comes from, and treats a locked one as managed by IT', () => {
    expect(sourceOf(settings, 'transfers.parallelTransfers')).toEqual({
      key: 'user',
      locked: false,
    });
    expect(sourceOf(settings, 'transfers.conflictPolicy')).toEqual({
      key: 'managed',
      locked: true,
    });
    expect(sourceOf(settings, 'ui.theme')).toEqual({ key: 'default', locked: false });
  });
});

describe('typing a whole number into a setting', () => {
  it('takes a whole number within the range, spaces around it allowed', () => {
    expect(wholeNumberIn('24', 1, 64)).toBe(24);
    expect(wholeNumberIn(' 1 ', 1, 64)).toBe(1);
    expect(wholeNumberIn('064', 1, 64)).toBe(64);
  });

  it('refuses what the user cannot have meant: empty, out of range, fractions, exponents, hex', () => {
    for (const text of ['', '0', '65', '2.5', '-3', '1e1', '0x10', 'abc'])
      expect(wholeNumberIn(text, 1, 64), text).toBeUndefined();
  });
});
