import type { Stats } from 'node:fs';
import { constants } from 'node:fs';
import { access, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
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

/**
 * Expands dropped paths into files, following symbolic links. Problems (unreadable entries,
 * symlink loops, vanished paths, devices) are collected per entry, never thrown.
 */
export async function scanPaths(paths: readonly string[]): Promise<ScanResult> {
  const result: ScanResult = { files: [], problems: [] };

  // `ancestors` holds the directories on the current branch, so a link back up is a loop.
  const visit = async (path: string, rel: string, ancestors: ReadonlySet<string>) => {
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
    let names: string[];
    try {
      names = (await readdir(path)).sort();
    } catch (error) {
      result.problems.push(problem(path, rel, error));
      return;
    }
    const below = new Set(ancestors).add(id);
    for (const name of names) await visit(join(path, name), `${rel}/${name}`, below);
  };

  for (const path of paths) await visit(path, basename(path), new Set());
  return result;
}
