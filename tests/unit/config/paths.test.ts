import { describe, expect, it } from 'vitest';
import {
  configSources,
  managedConfigPath,
  userConfigDir,
  userConfigFile,
} from '../../../src-main/core/config';
import { configSandbox } from './helpers';

describe('where Hakobu looks for its configuration', () => {
  it('finds the managed file where IT deploys it on each platform', () => {
    expect(managedConfigPath({}, 'linux')).toBe('/etc/hakobu/config.json');
    expect(managedConfigPath({}, 'darwin')).toBe('/Library/Application Support/Hakobu/config.json');
    expect(managedConfigPath({ ProgramData: 'D:\\ProgramData' }, 'win32')).toBe(
      'D:\\ProgramData\\Hakobu\\config.json',
    );
    expect(managedConfigPath({}, 'win32')).toBe('C:\\ProgramData\\Hakobu\\config.json');
  });

  it('lets HAKOBU_MANAGED_CONFIG point the managed file elsewhere, when run from source', () => {
    expect(managedConfigPath({ HAKOBU_MANAGED_CONFIG: '/tmp/m.json' }, 'linux')).toBe(
      '/tmp/m.json',
    );
  });

  it('ignores HAKOBU_MANAGED_CONFIG in a release build and in a packaged app, so IT keeps the lock', () => {
    const env = { HAKOBU_MANAGED_CONFIG: '/tmp/m.json' };
    expect(managedConfigPath(env, 'linux', true, true)).toBe('/etc/hakobu/config.json');
    expect(managedConfigPath(env, 'linux', false)).toBe('/etc/hakobu/config.json');
    expect(managedConfigPath(env, 'win32', false)).toBe('C:\\ProgramData\\Hakobu\\config.json');
  });

  it('reads the real managed file, not the variable, when the shell forbids the override', () => {
    const box = configSandbox();
    box.write(box.managed, { ui: { language: 'ja' } });
    const options = { ...box.options(), platform: 'linux' as const };
    expect(configSources(options).at(-1)).toEqual({ kind: 'managed', path: box.managed });
    expect(configSources({ ...options, allowManagedOverride: false }).at(-1)).toEqual({
      kind: 'managed',
      path: '/etc/hakobu/config.json',
    });
  });

  it("puts the CLI's user file where Electron's userData folder is, so app and CLI share it", () => {
    expect(userConfigDir({}, 'linux', '/home/aiko')).toBe('/home/aiko/.config/Hakobu');
    expect(userConfigDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/aiko')).toBe('/cfg/Hakobu');
    expect(userConfigDir({}, 'darwin', '/Users/aiko')).toBe(
      '/Users/aiko/Library/Application Support/Hakobu',
    );
    expect(
      userConfigDir({ APPDATA: 'C:\\Users\\aiko\\AppData\\Roaming' }, 'win32', 'C:\\Users\\aiko'),
    ).toBe('C:\\Users\\aiko\\AppData\\Roaming\\Hakobu');
    expect(userConfigFile('C:\\Users\\aiko\\AppData\\Roaming\\Hakobu', 'win32')).toBe(
      'C:\\Users\\aiko\\AppData\\Roaming\\Hakobu\\config.json',
    );
  });
});
