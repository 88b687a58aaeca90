import { existsSync, readFileSync } from 'node:fs';
import { posix, win32 } from 'node:path';

/**
 * How this copy of Hakobu was installed, as far as the updater cares: electron-updater can replace
 * an NSIS install, a macOS app, an AppImage or a deb/rpm package; an MSI (or a copied folder)
 * belongs to whatever deployed it, and an update from here would fight that tool.
 */
export type InstallKind = 'nsis' | 'mac' | 'appimage' | 'deb' | 'rpm' | 'msi-or-unknown';

/** Where the installed app lives, and how to look at its files (real fs by default). */
export interface InstallFacts {
  platform: NodeJS.Platform;
  /** The Hakobu executable (process.execPath in Electron). */
  execPath: string;
  /** Electron's resources folder (process.resourcesPath). */
  resourcesPath: string;
  env: NodeJS.ProcessEnv;
  exists?: (path: string) => boolean;
  readText?: (path: string) => string;
}

/** The NSIS installer puts its uninstaller beside the app; the MSI and a copied folder do not. */
export const NSIS_UNINSTALLER = 'Uninstall Hakobu.exe';

/** Finds how this copy was installed, from the marks each installer leaves. */
export function detectInstallKind(facts: InstallFacts): InstallKind {
  const exists = facts.exists ?? existsSync;
  const readText = facts.readText ?? ((path: string) => readFileSync(path, 'utf8'));
  if (facts.platform === 'darwin') return 'mac';
  if (facts.platform === 'win32') {
    const uninstaller = win32.join(win32.dirname(facts.execPath), NSIS_UNINSTALLER);
    return exists(uninstaller) ? 'nsis' : 'msi-or-unknown';
  }
  // The AppImage runtime sets APPIMAGE; electron-builder's deb and rpm write resources/package-type.
  if (facts.env.APPIMAGE) return 'appimage';
  const marker = posix.join(facts.resourcesPath, 'package-type');
  if (!exists(marker)) return 'msi-or-unknown';
  const kind = readText(marker).trim();
  return kind === 'deb' || kind === 'rpm' ? kind : 'msi-or-unknown';
}

/** True when electron-updater knows how to install over this kind of install. */
export function canSelfUpdate(kind: InstallKind): boolean {
  return kind !== 'msi-or-unknown';
}
