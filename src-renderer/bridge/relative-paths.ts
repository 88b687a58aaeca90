// A file found by walking a dropped folder has an empty, read-only webkitRelativePath, so the drop
// walker records where each file sits inside what the user dropped, for staging and for keys.
const recorded = new WeakMap<File, string>();

/** Records a dropped file's path relative to the dropped item's parent (e.g. "photos/2024/a.jpg"). */
export function setRelativePath(file: File, relativePath: string): void {
  recorded.set(file, relativePath);
}

/** Where a file sits inside what the user dropped or picked ("a.jpg" for a lone file). */
export function relativePathOf(file: File): string {
  const fromDrop = recorded.get(file);
  if (fromDrop) return fromDrop;
  // Set by <input webkitdirectory>; absent from Node's File, which the bridge tests use.
  const picked: unknown = 'webkitRelativePath' in file ? file.webkitRelativePath : undefined;
  return typeof picked === 'string' && picked !== '' ? picked : file.name;
}
