/**
 * Orders keys as S3 does: by their UTF-8 bytes, which is code-point order. JavaScript's own string
 * order compares UTF-16 units and would put astral characters (emoji) before U+E000..U+FFFF.
 */
export function compareKeys(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xSurrogate = x >= 0xd800 && x <= 0xdfff;
    const ySurrogate = y >= 0xd800 && y <= 0xdfff;
    if (xSurrogate !== ySurrogate) return xSurrogate ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** A sorted set of keys with the lookups listing needs, kept in S3's byte order. */
export class KeyIndex {
  private readonly keys: string[] = [];

  get size(): number {
    return this.keys.length;
  }

  /** Index of the first key that is >= key. */
  lowerBound(key: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareKeys(this.keys[mid] as string, key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the first key that is > key. */
  upperBound(key: string): number {
    const i = this.lowerBound(key);
    return this.keys[i] === key ? i + 1 : i;
  }

  /**
   * Index of the first key at or after `from` that does not start with prefix. Keys sharing a
   * prefix are contiguous in this order, so this skips all of them in one search.
   */
  endOfPrefix(prefix: string, from: number): number {
    let lo = from;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.keys[mid] as string).startsWith(prefix)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The key at a position, or undefined past the end. */
  at(index: number): string | undefined {
    return this.keys[index];
  }

  /** Adds a key; adding one that is present changes nothing. */
  add(key: string): void {
    const i = this.lowerBound(key);
    if (this.keys[i] !== key) this.keys.splice(i, 0, key);
  }

  /** Adds many distinct keys at once: one sort, where add() per key would shift the array each time. */
  addAll(keys: Iterable<string>): void {
    for (const key of keys) this.keys.push(key);
    this.keys.sort(compareKeys);
  }

  /** Removes a key if present. */
  remove(key: string): void {
    const i = this.lowerBound(key);
    if (this.keys[i] === key) this.keys.splice(i, 1);
  }
}
