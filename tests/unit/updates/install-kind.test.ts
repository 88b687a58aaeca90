import { describe, expect, it } from 'vitest';
import { detectInstallKind } from '../../../src-main/core/updates';

// Which installs electron-updater may replace, from the marks each installer leaves behind.

const files = (present: Record<string, string>) => ({
  exists: (path: string) => path in present,
  readText: (path: string) => present[path] ?? '',
});

describe('install kind', () => {
  it('tells an NSIS install (uninstaller beside the app) from an MSI one on Windows', () => {
    const exe = 'C:\\Program Files\\Hakobu\\Hakobu.exe';
    const base = { platform: 'win32', execPath: exe, resourcesPath: 'C:\\x', env: {} } as const;
    const nsis = files({ 'C:\\Program Files\\Hakobu\\Uninstall Hakobu.exe': '' });
    expect(detectInstallKind({ ...base, ...nsis })).toBe('nsis');
    expect(detectInstallKind({ ...base, ...files({}) })).toBe('msi-or-unknown');
  });

  it('recognises an AppImage, a deb and an unpacked folder on Linux', () => {
    const base = {
      platform: 'linux',
      execPath: '/opt/Hakobu/hakobu',
      resourcesPath: '/opt/Hakobu/resources',
    } as const;
    expect(
      detectInstallKind({ ...base, env: { APPIMAGE: '/home/a/Hakobu.AppImage' }, ...files({}) }),
    ).toBe('appimage');
    const deb = files({ '/opt/Hakobu/resources/package-type': 'deb\n' });
    expect(detectInstallKind({ ...base, env: {}, ...deb })).toBe('deb');
    expect(detectInstallKind({ ...base, env: {}, ...files({}) })).toBe('msi-or-unknown');
  });

  it('treats every macOS copy as the app bundle electron-updater replaces', () => {
    expect(
      detectInstallKind({
        platform: 'darwin',
        execPath: '/Applications/Hakobu.app/Contents/MacOS/Hakobu',
        resourcesPath: '',
        env: {},
        ...files({}),
      }),
    ).toBe('mac');
  });
});
