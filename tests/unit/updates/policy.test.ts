import { describe, expect, it } from 'vitest';
import type { ManagedUpdates } from '../../../src-main/core/config';
import { decideUpdates, type UpdateRuntime } from '../../../src-main/core/updates';

// The policy alone decides whether a machine updates: these are the cases IT and users notice.

const FEED = 'https://updates.corp.example/hakobu/';
const INSTALLED: UpdateRuntime = {
  shell: 'electron',
  isPackaged: true,
  releaseBuild: true,
  installKind: 'nsis',
  hasBuiltInFeed: true,
};
const managed = (updates: Partial<{ enabled: boolean; url: string; channel: 'latest' | 'beta' }>) =>
  ({
    status: 'ok',
    updates: { enabled: true, channel: 'latest', ...updates },
    file: 'C:\\ProgramData\\Hakobu\\config.json',
    setBy: 'managed',
  }) satisfies ManagedUpdates;
const DEFAULTS: ManagedUpdates = { ...managed({}), setBy: 'default' };

describe('update policy', () => {
  it('checks the installer feed on the stable channel by default, never downgrading', () => {
    expect(decideUpdates(DEFAULTS, INSTALLED)).toEqual({
      action: 'check',
      feed: { provider: 'built-in' },
      channel: 'latest',
      allowDowngrade: false,
      autoDownload: true,
      autoInstallOnAppQuit: true,
      setBy: 'default',
    });
  });

  it("uses IT's server and channel when the managed file names them", () => {
    const decision = decideUpdates(managed({ url: FEED, channel: 'beta' }), INSTALLED);
    expect(decision).toMatchObject({
      action: 'check',
      feed: { provider: 'generic', url: FEED },
      channel: 'beta',
      allowDowngrade: false,
      setBy: 'managed',
    });
  });

  it('stays off when IT turns updates off, naming the file', () => {
    const decision = decideUpdates(managed({ enabled: false, url: FEED }), INSTALLED);
    expect(decision).toMatchObject({ action: 'off', reason: 'disabled-by-it' });
    if (decision.action === 'off') expect(decision.detail).toContain('ProgramData');
  });

  it.each([
    ['the web harness', { shell: 'web' }, 'harness'],
    ['the CLI', { shell: 'cli' }, 'harness'],
    ['an unpackaged app', { isPackaged: false }, 'not-packaged'],
    ['a development build', { releaseBuild: false }, 'development'],
  ] as const)('never starts in %s, whatever the managed file says', (_what, facts, reason) => {
    const decision = decideUpdates(managed({ url: FEED }), { ...INSTALLED, ...facts });
    expect(decision).toMatchObject({ action: 'off', reason });
  });

  it('leaves an MSI install to the tool that deployed it', () => {
    const decision = decideUpdates(DEFAULTS, { ...INSTALLED, installKind: 'msi-or-unknown' });
    expect(decision).toMatchObject({ action: 'off', reason: 'installer-not-updatable' });
  });

  it("stays off without any feed address, and uses IT's even when the installer has none", () => {
    const bare = { ...INSTALLED, hasBuiltInFeed: false };
    expect(decideUpdates(DEFAULTS, bare)).toMatchObject({ action: 'off', reason: 'no-feed' });
    expect(decideUpdates(managed({ url: FEED }), bare)).toMatchObject({ action: 'check' });
  });

  it('keeps updates off when the managed file cannot be read, rather than guess', () => {
    const broken: ManagedUpdates = {
      status: 'error',
      file: '/etc/hakobu/config.json',
      problems: [
        {
          code: 'CONFIG_JSON_MALFORMED',
          severity: 'error',
          file: '/etc/hakobu/config.json',
          field: null,
          message: 'is not valid JSON at line 3, column 1: unexpected end.',
          fix: 'Ask your IT administrator to fix it.',
          params: {},
        },
      ],
    };
    const decision = decideUpdates(broken, INSTALLED);
    expect(decision).toMatchObject({ action: 'off', reason: 'managed-config-invalid' });
    if (decision.action === 'off') expect(decision.detail).toContain('not valid JSON');
  });
});
