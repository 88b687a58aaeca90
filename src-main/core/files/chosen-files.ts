import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { UserFacingError } from '../errors/user-facing';
import { isPathInside, nonLocalPathProblem } from './local-path';

/** What the renderer learns about a file or folder the user chose: an opaque handle and its name. */
export interface ChosenFile {
  handle: string;
  name: string;
}

export interface ChosenFilesOptions {
  /** When set, only paths inside this folder may be registered (the web harness's staging). */
  within?: string;
  /** Handles kept at most; the oldest are forgotten first. */
  capacity?: number;
  platform?: NodeJS.Platform;
}

/** The handle format: "fh_" and 22 URL-safe characters (128 random bits). */
export const FILE_HANDLE_PATTERN = /^fh_[A-Za-z0-9_-]{22}$/;

const DEFAULT_CAPACITY = 100_000;

/**
 * Main's record of the paths the user really chose (dropped, or picked in a native dialog), so
 * the untrusted renderer never names a path: it holds opaque handles, and main resolves them.
 */
export class ChosenFiles {
  private readonly pathsByHandle = new Map<string, string>();
  private readonly handlesByPath = new Map<string, string>();
  private readonly capacity: number;
  private readonly platform: NodeJS.Platform;

  constructor(private readonly options: ChosenFilesOptions = {}) {
    this.capacity = options.capacity ?? DEFAULT_CAPACITY;
    this.platform = options.platform ?? process.platform;
  }

  /** Records each path and returns its handle (the same one for a path registered before). */
  register(paths: readonly string[]): ChosenFile[] {
    return paths.map((path) => {
      this.refuseUnreadable(path);
      const known = this.handlesByPath.get(path);
      const handle = known ?? `fh_${randomBytes(16).toString('base64url')}`;
      if (!known) this.remember(handle, path);
      return { handle, name: basename(path) };
    });
  }

  /** The paths behind handles, in order; unknown handles are refused with one clear error. */
  resolve(handles: readonly string[]): string[] {
    const paths: string[] = [];
    for (const handle of handles) {
      const path = this.pathsByHandle.get(handle);
      if (path === undefined) {
        throw new UserFacingError(
          'upload.unknownFile',
          'Hakobu no longer knows one of the chosen files. Drop or choose the files again.',
        );
      }
      paths.push(path);
    }
    return paths;
  }

  /** Forgets handles (files the user declined to upload): they no longer resolve. */
  release(handles: readonly string[]): void {
    for (const handle of handles) {
      const path = this.pathsByHandle.get(handle);
      if (path === undefined) continue;
      this.pathsByHandle.delete(handle);
      this.handlesByPath.delete(path);
    }
  }

  private refuseUnreadable(path: string): void {
    const problem = nonLocalPathProblem(path, this.platform);
    if (problem) {
      throw new UserFacingError(
        'upload.notLocal',
        `Hakobu uploads only files on this computer's own disks, and “${basename(path)}” cannot be used: ${problem}. Copy it to a local folder first.`,
        { name: basename(path) },
      );
    }
    if (this.options.within && !isPathInside(this.options.within, path, this.platform)) {
      throw new UserFacingError('upload.notChosen', 'Only files you chose can be uploaded.');
    }
  }

  private remember(handle: string, path: string): void {
    if (this.pathsByHandle.size >= this.capacity) {
      const oldest = this.pathsByHandle.keys().next().value;
      if (oldest !== undefined) {
        this.handlesByPath.delete(this.pathsByHandle.get(oldest) ?? '');
        this.pathsByHandle.delete(oldest);
      }
    }
    this.pathsByHandle.set(handle, path);
    this.handlesByPath.set(path, handle);
  }
}
