import { compareKeys, type KeyIndex } from '../storage/key-order';

/** One row of a listing: an object's key, or a common prefix that rolls many keys up. */
export type ListingEntry = { kind: 'key'; key: string } | { kind: 'prefix'; prefix: string };

export interface WalkOptions {
  prefix: string;
  /** '' for no delimiter. */
  delimiter: string;
  /** Only rows sorting after this are listed (StartAfter, marker, continuation). */
  after: string;
  maxKeys: number;
}

export interface WalkResult {
  entries: ListingEntry[];
  /** True when rows beyond maxKeys remain. */
  truncated: boolean;
}

/** The string a row sorts by and resumes after. */
export const entryName = (e: ListingEntry) => (e.kind === 'key' ? e.key : e.prefix);

/**
 * Walks the key index as ListObjects does: keys under a prefix, with keys containing the delimiter
 * after the prefix rolled into one common prefix each, counting both against maxKeys. A common
 * prefix at or before `after` is not repeated, so resuming after one skips all its keys.
 */
export function walkKeys(index: KeyIndex, options: WalkOptions): WalkResult {
  const { prefix, delimiter, after, maxKeys } = options;
  let i = Math.max(index.lowerBound(prefix), after === '' ? 0 : index.upperBound(after));
  const entries: ListingEntry[] = [];
  for (;;) {
    const key = index.at(i);
    if (key === undefined || !key.startsWith(prefix)) return { entries, truncated: false };
    const cut = delimiter === '' ? -1 : key.indexOf(delimiter, prefix.length);
    if (cut < 0) {
      if (entries.length === maxKeys) return { entries, truncated: true };
      entries.push({ kind: 'key', key });
      i++;
      continue;
    }
    const common = key.slice(0, cut + delimiter.length);
    const next = index.endOfPrefix(common, i);
    if (after === '' || compareKeys(common, after) > 0) {
      if (entries.length === maxKeys) return { entries, truncated: true };
      entries.push({ kind: 'prefix', prefix: common });
    }
    i = next;
  }
}
