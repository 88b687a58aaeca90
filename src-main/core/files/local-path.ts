import { posix, win32 } from 'node:path';

/**
 * Why a path the user chose cannot be read by Hakobu, or undefined when it names a local file
 * system path. Decided from the string alone: main must never touch a remote host to find out,
 * since merely opening `\\host\share` on Windows sends the user's NTLM credentials to that host.
 */
export function nonLocalPathProblem(
  path: string,
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  if (path.includes('\0')) return 'it contains a NUL character';
  if (platform === 'win32') {
    // `\\?\C:\…` and `\\.\PhysicalDrive0` are device paths, `\\host\share` a UNC path: all begin
    // with two separators in either direction.
    if (/^[\\/]{2}/.test(path)) return 'it is a network (UNC) or device path';
    if (!/^[A-Za-z]:[\\/]/.test(path)) return 'it is not an absolute path on a local drive';
    return undefined;
  }
  if (!posix.isAbsolute(path)) return 'it is not an absolute path';
  return undefined;
}

/** True when `path` is `root` itself or lies inside it, compared segment by segment. */
export function isPathInside(
  root: string,
  path: string,
  platform: NodeJS.Platform = process.platform,
): boolean {
  const paths = platform === 'win32' ? win32 : posix;
  const relative = paths.relative(paths.resolve(root), paths.resolve(path));
  return relative === '' || (!relative.startsWith('..') && !paths.isAbsolute(relative));
}
