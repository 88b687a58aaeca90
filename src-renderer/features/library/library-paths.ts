// Paths inside a location. A folder path is "" for the location's root, else segments that end in
// "/" ("trip/day 1/"), like S3 prefixes, and always relative to the location's own prefix.

/** The folder a listing entry opens. Entries may be bare names ("day 1/") or paths ("trip/day 1/"). */
export function childFolder(current: string, entry: string): string {
  const trimmed = entry.replace(/\/+$/, '');
  return trimmed.includes('/') ? `${trimmed}/` : `${current}${trimmed}/`;
}

/** The name to show for a listing's folder entry ("trip/day 1/" → "day 1"). */
export function folderLabel(entry: string): string {
  const segments = entry.split('/').filter(Boolean);
  return segments[segments.length - 1] ?? entry;
}

/** An object key relative to the location, whether main sent it with or without the location's prefix. */
export function relativeKey(key: string, locationPrefix: string): string {
  return locationPrefix !== '' && key.startsWith(locationPrefix)
    ? key.slice(locationPrefix.length)
    : key;
}

/** True when a new object shows up in the listing of `folder`: directly, or as a new subfolder. */
export function appearsIn(relative: string, folder: string): boolean {
  return relative.startsWith(folder) && relative.length > folder.length;
}

export interface Crumb {
  /** Folder name; undefined for the location's root (shown as the location's name). */
  label: string | undefined;
  path: string;
}

/** The trail from the location's root to `path`, each step openable. */
export function breadcrumbs(path: string): Crumb[] {
  const crumbs: Crumb[] = [{ label: undefined, path: '' }];
  let walked = '';
  for (const segment of path.split('/').filter(Boolean)) {
    walked += `${segment}/`;
    crumbs.push({ label: segment, path: walked });
  }
  return crumbs;
}

/** The full S3 address of a folder, as users see it in the AWS console or CLI. */
export function s3Address(bucket: string, locationPrefix: string, path: string): string {
  return `s3://${bucket}/${locationPrefix}${path}`;
}
