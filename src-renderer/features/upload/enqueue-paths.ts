/** A file the bridge turned into a path main can read, and where it sat inside what the user chose. */
export interface StagedFile {
  path: string;
  /** "a.jpg" for a lone file, "trip/day 1/a.jpg" for one found in a chosen folder. */
  relativePath: string;
}

const isSeparator = (c: string | undefined) => c === '/' || c === '\\';

/**
 * The paths to enqueue. A file from a chosen folder is replaced by that folder, once, so main
 * uploads the folder and builds keys relative to its parent ("trip/day 1/a.jpg") as it does for a
 * folder dropped in Electron. When a path does not end with the relative path, it is kept as is.
 */
export function enqueuePaths(staged: readonly StagedFile[]): string[] {
  const paths = new Set<string>();
  for (const { path, relativePath } of staged) {
    paths.add(topFolder(path, relativePath) ?? path);
  }
  return [...paths];
}

function topFolder(path: string, relativePath: string): string | undefined {
  const inner = relativePath.split('/').filter(Boolean);
  if (inner.length < 2) return undefined;
  const outer = path.split(/[\\/]/);
  const tail = outer.slice(-inner.length);
  const same = (a: string | undefined, b: string | undefined) =>
    a !== undefined && b !== undefined && a.normalize('NFC') === b.normalize('NFC');
  if (!inner.every((segment, i) => same(segment, tail[i]))) return undefined;
  // Cut the path before its last (inner.length - 1) segments.
  let cut = path.length;
  for (let dropped = 0; dropped < inner.length - 1; dropped++) {
    do cut--;
    while (cut > 0 && !isSeparator(path[cut]));
  }
  return cut > 0 ? path.slice(0, cut) : undefined;
}

/** Splits a long list into the chunks one enqueue request accepts. */
export function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
