const MiB = 1024 * 1024;

/** S3's multipart limits. */
export const MAX_PARTS = 10_000;
export const MIN_PART_SIZE = 5 * MiB;
export const MAX_PART_SIZE = 5 * 1024 * MiB;
export const DEFAULT_PART_SIZE_MIB = 8;

export interface PlannedPart {
  partNumber: number;
  offset: number;
  length: number;
}

/**
 * The part size for a file: the configured size (never below S3's 5 MiB minimum), grown to
 * ceil(size / 10,000) when needed so the file fits in 10,000 parts, rounded up to a whole MiB.
 */
export function partSizeFor(fileSize: number, configuredMiB = DEFAULT_PART_SIZE_MIB): number {
  const configured = Math.max(MIN_PART_SIZE, Math.ceil(configuredMiB) * MiB);
  const needed = Math.ceil(fileSize / MAX_PARTS);
  const size = Math.ceil(Math.max(configured, needed) / MiB) * MiB;
  if (size > MAX_PART_SIZE)
    throw new RangeError(`${fileSize} bytes exceed S3's 5 TiB object limit`);
  return size;
}

/** True when the file goes up as one PutObject rather than a multipart upload. */
export function isSinglePut(fileSize: number, partSize: number): boolean {
  return fileSize < partSize;
}

/** Cuts a file into parts of `partSize` (the last one shorter), numbered from 1. */
export function planParts(fileSize: number, partSize: number): PlannedPart[] {
  const count = Math.max(1, Math.ceil(fileSize / partSize));
  if (count > MAX_PARTS) throw new RangeError(`${count} parts exceed S3's ${MAX_PARTS}-part limit`);
  return Array.from({ length: count }, (_, i) => ({
    partNumber: i + 1,
    offset: i * partSize,
    length: Math.min(partSize, fileSize - i * partSize),
  }));
}
