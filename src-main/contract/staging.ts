// The web harness's batch staging format, shared by the page (which writes it) and the harness
// (which reads it): for each file, one JSON line {"name","size"} and then exactly `size` bytes.

/** Files one batch request may carry: the page sends bigger drops as several requests. */
export const MAX_BATCH_FILES = 2_000;

/** Bytes of file data the page puts in one batch request (a bigger lone file goes alone). */
export const BATCH_TARGET_BYTES = 32 * 1024 * 1024;

/** The frame written before each file's bytes: one JSON line naming it and its size. */
export function batchHeader(name: string, size: number): string {
  return `${JSON.stringify({ name, size })}\n`;
}
