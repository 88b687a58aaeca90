import { setRelativePath } from '../../bridge/relative-paths';

// Structural slices of the File and Directory Entries API, so the walk can be tested in Node.
export interface EntryLike {
  readonly isFile: boolean;
  readonly isDirectory: boolean;
  readonly name: string;
}
export interface FileEntryLike extends EntryLike {
  file(success: (file: File) => void, failure?: (error: unknown) => void): void;
}
export interface DirectoryEntryLike extends EntryLike {
  createReader(): {
    readEntries(success: (entries: EntryLike[]) => void, failure?: (error: unknown) => void): void;
  };
}
export interface DroppedItemLike {
  readonly kind: string;
  getAsFile(): File | null;
  webkitGetAsEntry?(): EntryLike | null;
}

/** A dropped item as captured during the drop event: its entry (to walk) or at least its File. */
export interface Dropped {
  entry: EntryLike | null;
  file: File | null;
}

const isFileEntry = (entry: EntryLike): entry is FileEntryLike => entry.isFile && 'file' in entry;
const isDirectoryEntry = (entry: EntryLike): entry is DirectoryEntryLike =>
  entry.isDirectory && 'createReader' in entry;

/**
 * Captures what was dropped. It must run inside the drop handler: a DataTransferItemList is
 * emptied as soon as the event returns, while the entries taken from it stay readable.
 */
export function captureDrop(items: ArrayLike<DroppedItemLike>): Dropped[] {
  const dropped: Dropped[] = [];
  for (const item of Array.from(items)) {
    if (item.kind !== 'file') continue;
    dropped.push({ entry: item.webkitGetAsEntry?.() ?? null, file: item.getAsFile() });
  }
  return dropped;
}

/**
 * Walks dropped folders into their files, recording each file's path relative to the drop (so a
 * dropped "trip" folder yields "trip/day 1/a.jpg"). Files that cannot be read are named, not fatal.
 */
export async function collectDroppedFiles(
  dropped: readonly Dropped[],
): Promise<{ files: File[]; unreadable: string[] }> {
  const files: File[] = [];
  const unreadable: string[] = [];
  const visit = async (entry: EntryLike, parent: string): Promise<void> => {
    const path = parent ? `${parent}/${entry.name}` : entry.name;
    if (isFileEntry(entry)) {
      try {
        const file = await new Promise<File>((resolve, reject) => entry.file(resolve, reject));
        setRelativePath(file, path);
        files.push(file);
      } catch {
        unreadable.push(path);
      }
    } else if (isDirectoryEntry(entry)) {
      try {
        for (const child of await readAllEntries(entry)) await visit(child, path);
      } catch {
        unreadable.push(`${path}/`);
      }
    }
  };
  for (const item of dropped) {
    if (item.entry) await visit(item.entry, '');
    else if (item.file) files.push(item.file);
  }
  return { files, unreadable };
}

/** readEntries returns at most ~100 entries per call, so keep asking until it answers with none. */
async function readAllEntries(directory: DirectoryEntryLike): Promise<EntryLike[]> {
  const reader = directory.createReader();
  const all: EntryLike[] = [];
  for (;;) {
    const batch = await new Promise<EntryLike[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}
