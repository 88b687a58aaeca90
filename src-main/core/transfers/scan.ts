import type { Stats } from 'node:fs';
import { constants } from 'node:fs';
import { access, readdir, realpath, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import type { UserError } from '../../contract/views';

/** A regular file found under a dropped path. */
export interface ScannedFile {
  path: string;
  /** Relative to the dropped item's parent: `photos/2024/a.jpg`, or just `a.jpg` for a file. */
  relativePath: string;
  size: number;
  mtimeMs: number;
}

/** A dropped path, or something under it, that cannot be uploaded; reported on its own item. */
export interface ScanProblem {
  path: string;
  relativePath: string;
  error: UserError;
}

export interface ScanResult {
  files: ScannedFile[];
  problems: ScanProblem[];
  /** Symbolic links below a dropped folder that point outside it (relative paths), not followed. */
  skippedLinks: string[];
}

function problem(path: string, relativePath: string, error: unknown): ScanProblem {
  const code = (error as NodeJS.ErrnoException).code;
  const name = relativePath || basename(path);
  if (code === 'ELOOP') {
    return {
      path,
      relativePath,
      error: {
        code: 'transfer.symlinkLoop',
        message: `${name} is a symbolic link that points back into itself; it was skipped.`,
        params: { name },
      },
    };
  }
  if (code === 'ENOENT') {
    return {
      path,
      relativePath,
      error: {
        code: 'transfer.notFound',
        message: `${name} no longer exists. Check the file, then add it again.`,
        params: { name },
      },
    };
  }
  return {
    path,
    relativePath,
    error: {
      code: 'transfer.unreadable',
      message: `${name} cannot be read (${code ?? String(error)}). Check its permissions, then add it again.`,
      params: { name },
    },
  };
}

function notRegular(path: string, relativePath: string): ScanProblem {
  const name = relativePath || basename(path);
  return {
    path,
    relativePath,
    error: {
      code: 'transfer.notAFile',
      message: `${name} is not a regular file (a device, socket or pipe) and was skipped.`,
      params: { name },
    },
  };
}

const identity = (s: Stats): string => `${s.dev}:${s.ino}`;

/** True when `path` is `root` or lies below it (both already resolved by realpath). */
function isWithin(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * Where a link below a dropped folder leads: 'inside' the folder, 'outside' it, or 'broken'
 * (dangling or looping, which the visit then reports on the link's own entry).
 */
async function linkTarget(root: string, path: string): Promise<'inside' | 'outside' | 'broken'> {
  try {
    return isWithin(root, await realpath(path)) ? 'inside' : 'outside';
  } catch {
    return 'broken';
  }
}

/**
 * Expands dropped paths into files. A dropped path is followed wherever it leads (the user chose
 * it), and so are links below it that stay inside it; a link that leads out of the dropped folder
 * is skipped and listed, since a folder unpacked from an archive could otherwise pull in the
 * user's home. Problems (unreadable entries, symlink loops, vanished paths, devices) are collected
 * per entry, never thrown.
 */
export async function scanPaths(paths: readonly string[]): Promise<ScanResult> {
  const result: ScanResult = { files: [], problems: [], skippedLinks: [] };

  // `ancestors` holds the directories on the current branch, so a link back up is a loop;
  // `root` is the dropped folder's real path, which links below it must not leave.
  const visit = async (
    path: string,
    rel: string,
    ancestors: ReadonlySet<string>,
    root: string | undefined,
  ) => {
    let info: Stats;
    try {
      info = await stat(path);
    } catch (error) {
      result.problems.push(problem(path, rel, error));
      return;
    }
    if (info.isFile()) {
      try {
        await access(path, constants.R_OK);
      } catch (error) {
        result.problems.push(problem(path, rel, error));
        return;
      }
      result.files.push({ path, relativePath: rel, size: info.size, mtimeMs: info.mtimeMs });
      return;
    }
    if (!info.isDirectory()) {
      result.problems.push(notRegular(path, rel));
      return;
    }
    const id = identity(info);
    if (ancestors.has(id)) {
      result.problems.push(problem(path, rel, Object.assign(new Error('loop'), { code: 'ELOOP' })));
      return;
    }
    let entries: { name: string; isLink: boolean }[];
    let below: string;
    try {
      below = root ?? (await realpath(path));
      entries = (await readdir(path, { withFileTypes: true }))
        .map((entry) => ({ name: entry.name, isLink: entry.isSymbolicLink() }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (error) {
      result.problems.push(problem(path, rel, error));
      return;
    }
    const branch = new Set(ancestors).add(id);
    for (const { name, isLink } of entries) {
      const child = join(path, name);
      const childRel = `${rel}/${name}`;
      if (isLink && (await linkTarget(below, child)) === 'outside') {
        result.skippedLinks.push(childRel);
        continue;
      }
      await visit(child, childRel, branch, below);
    }
  };

  for (const path of paths) await visit(path, basename(path), new Set(), undefined);
  return result;
}
