import { stat } from 'node:fs/promises';
import type { FilesOffer, OfferedFileView } from '../../contract/views';
import type { ChosenFile, ChosenFiles } from '../files';
import { nonLocalPathProblem } from '../files';
import type { Logger } from '../log/logger';

/** Files one offer holds at most: what one 'transfers.enqueue' takes, and far past any Send To. */
export const MAX_OFFERED_FILES = 10_000;

export interface FileOffersOptions {
  /** The app's handle registry: offered paths become handles the renderer may enqueue. */
  files: Pick<ChosenFiles, 'register' | 'release'>;
  /** Tells the window what waits now (the 'files.offered' event). */
  emit: (offer: FilesOffer) => void;
  log: Logger;
  platform?: NodeJS.Platform;
}

/**
 * The files opened with Hakobu that wait for the user's yes or no. Main alone touches the paths:
 * each accepted one becomes an opaque handle, and the window learns names, sizes and handles.
 * Offers wait here (not in the window) so that files opened before sign-in, or while the window
 * reloads, are still asked about once someone is signed in.
 */
export class FileOffers {
  private readonly waiting = new Map<string, OfferedFileView>();
  private skipped = 0;
  /** One offer at a time is checked, so files arrive in the order they were opened. */
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly options: FileOffersOptions) {}

  /** Checks each path (local, an existing file or folder) and offers those that are. */
  offer(paths: readonly string[], skipped = 0): Promise<void> {
    // Never rejects, so one bad launch cannot stop the offers after it.
    this.tail = this.tail
      .then(() => this.add(paths, skipped))
      .catch((error: unknown) => this.options.log.error('could not offer opened files', error));
    return this.tail;
  }

  /** What waits for the user now. */
  pending(): FilesOffer {
    return { files: [...this.waiting.values()], skipped: this.skipped };
  }

  /**
   * The user answered for these handles (uploaded or declined): they leave the offer and are
   * released, since a queued upload already holds its path. (A path dropped earlier shares its
   * handle, but a drop is queued at once, so releasing it takes nothing from the window.)
   * Returns what still waits.
   */
  close(handles: readonly string[]): FilesOffer {
    const closing = handles.filter((handle) => this.waiting.delete(handle));
    this.options.files.release(closing);
    this.skipped = 0;
    return this.pending();
  }

  private async add(paths: readonly string[], skipped: number): Promise<void> {
    let refused = skipped;
    const usable: { path: string; kind: 'file' | 'folder'; size?: number }[] = [];
    for (const path of paths) {
      const found = await this.inspect(path);
      if (found && this.waiting.size + usable.length < MAX_OFFERED_FILES) usable.push(found);
      else refused += 1;
    }
    for (const entry of usable) {
      const chosen = this.register(entry.path);
      if (!chosen) refused += 1;
      else if (!this.waiting.has(chosen.handle)) {
        this.waiting.set(chosen.handle, {
          ...chosen,
          kind: entry.kind,
          ...(entry.size !== undefined ? { size: entry.size } : {}),
        });
      }
    }
    this.skipped += refused;
    if (refused > 0) this.options.log.warn(`opened with Hakobu: ${refused} item(s) skipped`);
    if (usable.length > 0 || refused > 0) this.options.emit(this.pending());
  }

  /** The path's handle, or undefined when the registry refuses it (as outside the harness's staging). */
  private register(path: string): ChosenFile | undefined {
    try {
      return this.options.files.register([path])[0];
    } catch {
      return undefined;
    }
  }

  /** A regular file or a folder on a local disk; anything else (a device, a pipe) is refused. */
  private async inspect(
    path: string,
  ): Promise<{ path: string; kind: 'file' | 'folder'; size?: number } | undefined> {
    // Decided from the string first: merely stat-ing `\\host\share` on Windows sends NTLM credentials.
    if (nonLocalPathProblem(path, this.options.platform)) return undefined;
    try {
      const stats = await stat(path);
      if (stats.isFile()) return { path, kind: 'file', size: stats.size };
      if (stats.isDirectory()) return { path, kind: 'folder' };
      return undefined;
    } catch {
      return undefined;
    }
  }
}
