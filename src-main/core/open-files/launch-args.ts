import { posix, win32 } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The custom URL scheme Hakobu registers (`hakobu://callback?…` for a later sign-in feature). */
export const HAKOBU_SCHEME = 'hakobu:';

/** Paths one launch (a command line, a second instance) may offer; the rest are counted as skipped. */
export const MAX_LAUNCH_PATHS = 1_000;

/** Longest argument considered: longer ones are neither a path this OS can open nor a sane URL. */
export const MAX_ARGUMENT_LENGTH = 8_192;

export interface LaunchArgsOptions {
  /**
   * True when Electron runs an unpackaged app (`electron <app> …`, process.defaultApp): the app's
   * own path then follows the executable and any switches, and is not a file to upload.
   */
  defaultApp: boolean;
  /** The launching process's working folder: relative paths are resolved against it. */
  cwd: string;
  platform?: NodeJS.Platform;
}

/** What a command line asks of Hakobu: files or folders to offer, and hakobu: URLs. */
export interface LaunchArgs {
  paths: string[];
  urls: string[];
  /** Arguments dropped for being past MAX_LAUNCH_PATHS or too long. */
  skipped: number;
}

/**
 * Reads the files, folders and hakobu: URLs out of a full process argv (executable first), as
 * Hakobu's own command line or a second instance's. Electron and Chromium switches (`-x`, `--x`,
 * `--x=y`) are skipped, as is the app path in an unpackaged run; after a lone `--` everything is
 * an operand, so a file named `-notes.txt` can still be passed. `file:` URLs of this computer
 * become paths: a Linux desktop entry's `%U` may pass files that way (and must be `%U`, not `%F`,
 * so that the same entry can also receive hakobu:// URLs). Nothing is touched on disk here.
 */
export function parseLaunchArgs(argv: readonly string[], options: LaunchArgsOptions): LaunchArgs {
  const paths = options.platform === 'win32' ? win32 : posix;
  const result: LaunchArgs = { paths: [], urls: [], skipped: 0 };
  let appPathPending = options.defaultApp;
  let operandsOnly = false;
  for (const arg of argv.slice(1)) {
    if (!operandsOnly && arg === '--') {
      operandsOnly = true;
      continue;
    }
    if (!operandsOnly && arg.startsWith('-')) continue;
    if (appPathPending) {
      appPathPending = false;
      continue;
    }
    if (arg === '' || arg.length > MAX_ARGUMENT_LENGTH) {
      if (arg !== '') result.skipped += 1;
      continue;
    }
    const path = /^file:/i.test(arg) ? localFileUrlPath(arg, options.platform) : arg;
    if (arg.slice(0, HAKOBU_SCHEME.length).toLowerCase() === HAKOBU_SCHEME) {
      result.urls.push(arg);
    } else if (path === undefined || result.paths.length >= MAX_LAUNCH_PATHS) {
      result.skipped += 1;
    } else {
      result.paths.push(paths.resolve(options.cwd, path));
    }
  }
  return result;
}

/** The path of a `file:` URL naming this computer (no host, or localhost); else undefined. */
function localFileUrlPath(arg: string, platform?: NodeJS.Platform): string | undefined {
  if (!URL.canParse(arg)) return undefined;
  const url = new URL(arg);
  if (url.host !== '' && url.host !== 'localhost') return undefined;
  url.host = '';
  try {
    return fileURLToPath(url, { windows: (platform ?? process.platform) === 'win32' });
  } catch {
    return undefined;
  }
}
