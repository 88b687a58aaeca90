import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

// scripts/build.ts replaces this with `true` in the bundles it ships (the app and the `hakobu`
// command). Run from source (tsx, Vitest) it is never defined.
declare const __HAKOBU_RELEASE_BUILD__: boolean | undefined;

/** True in a bundle built for release; false when Hakobu runs from its TypeScript source. */
export const RELEASE_BUILD =
  typeof __HAKOBU_RELEASE_BUILD__ !== 'undefined' && __HAKOBU_RELEASE_BUILD__;

/** Environment variables the loader reads. */
export interface ConfigEnv {
  /**
   * Overrides where the managed (IT-deployed) file is looked for. Honoured only when Hakobu runs
   * from source (development and tests): otherwise any user could replace the file IT locked.
   */
  HAKOBU_MANAGED_CONFIG?: string;
  /** A further configuration file, below the user's file in precedence. */
  HAKOBU_CONFIG?: string;
  ProgramData?: string;
  APPDATA?: string;
  XDG_CONFIG_HOME?: string;
}

/**
 * The machine-wide file IT deploys; every key it sets is locked. HAKOBU_MANAGED_CONFIG moves it
 * only when `allowOverride` (the shell's say, e.g. false in a packaged app) and the build agree.
 */
export function managedConfigPath(
  env: ConfigEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  allowOverride = true,
  releaseBuild: boolean = RELEASE_BUILD,
): string {
  if (env.HAKOBU_MANAGED_CONFIG && allowOverride && !releaseBuild) return env.HAKOBU_MANAGED_CONFIG;
  if (platform === 'win32')
    return win32.join(env.ProgramData ?? 'C:\\ProgramData', 'Hakobu', 'config.json');
  if (platform === 'darwin') return '/Library/Application Support/Hakobu/config.json';
  return '/etc/hakobu/config.json';
}

/**
 * The per-user folder for Hakobu's config.json when Electron is not there to say (the CLI).
 * It matches Electron's app.getPath('userData') for an app named "Hakobu", so both share one file.
 */
export function userConfigDir(
  env: ConfigEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32')
    return win32.join(env.APPDATA ?? win32.join(home, 'AppData', 'Roaming'), 'Hakobu');
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', 'Hakobu');
  return posix.join(env.XDG_CONFIG_HOME || posix.join(home, '.config'), 'Hakobu');
}

/** The user's config.json inside a user config folder. */
export function userConfigFile(dir: string, platform: NodeJS.Platform = process.platform): string {
  return platform === 'win32' ? win32.join(dir, 'config.json') : posix.join(dir, 'config.json');
}
