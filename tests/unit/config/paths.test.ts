import { describe, expect, it } from 'vitest';
import { managedConfigPath, userConfigDir, userConfigFile } from '../../../src-main/core/config';

describe('where Hakobu looks for its configuration', () => {
  it('finds the managed file where IT deploys it on each platform', () => {
    expect(managedConfigPath({}, 'linux')).toBe('/etc/hakobu/config.json');
    expect(managedConfigPath({}, 'darwin')).toBe('/Library/Application Support/Hakobu/config.json');
    expect(managedConfigPath({ ProgramData: 'D:\\ProgramData' }, 'win32')).toBe(
      'D:\\ProgramData\\Hakobu\\config.json',
    );
    expect(managedConfigPath({}, 'win32')).toBe('C:\\ProgramData\\Hakobu\\config.json');
  });

  it('lets HAKOBU_MANAGED_CONFIG point the managed file elsewhere', () => {
    expect(managedConfigPath({ HAKOBU_MANAGED_CONFIG: '/tmp/m.json' }, 'linux')).toBe(
      '/tmp/m.json',
    );
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
