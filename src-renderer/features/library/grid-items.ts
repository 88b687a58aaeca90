import type { LibraryObjectView } from '../../../src-main/contract/views';
import { childFolder, folderLabel } from './library-paths';

/** One tile of the library grid: a folder to open or an object to view. */
export type GridItem =
  | { kind: 'folder'; id: string; name: string; path: string }
  | { kind: 'object'; id: string; object: LibraryObjectView };

/** Folders first (as Finder and Explorer show them), then objects in S3's key order. */
export function gridItems(
  path: string,
  folders: readonly string[],
  objects: readonly LibraryObjectView[],
): GridItem[] {
  return [
    ...folders.map((entry): GridItem => {
      const folderPath = childFolder(path, entry);
      return {
        kind: 'folder',
        id: `folder:${folderPath}`,
        name: folderLabel(entry),
        path: folderPath,
      };
    }),
    ...objects.map((object): GridItem => ({ kind: 'object', id: `object:${object.key}`, object })),
  ];
}

/** The extension to print on a file tile ("PDF"), or nothing for names without one. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1
    ? name
        .slice(dot + 1)
        .slice(0, 5)
        .toUpperCase()
    : '';
}
