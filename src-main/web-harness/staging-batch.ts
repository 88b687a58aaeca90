import type { FileHandle } from 'node:fs/promises';
import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { MAX_BATCH_FILES } from '../contract/staging';
import {
  batchDirOf,
  MAX_STAGED_BYTES,
  safeRelativePath,
  stagedTarget,
  topEntryOf,
} from './staging';

// A header is a short JSON line; anything longer is not one of ours.
const MAX_HEADER_BYTES = 8 * 1024;

const BatchHeader = z.object({
  name: z.string().min(1).max(4096),
  size: z.number().int().nonnegative().max(MAX_STAGED_BYTES),
});

/** Why a batch was refused: the page shows it as "could not prepare the files". */
export class BatchFormatError extends Error {}

/** One file being written: where, and how many bytes are still to come. */
interface OpenFile {
  handle: FileHandle;
  left: number;
}

/**
 * Reads one batch request: for each file, a header line (contract/staging.ts batchHeader) and then exactly `size`
 * bytes, streamed into the drop's folder under the staging folder. Returns the top-level entries
 * to enqueue, once each. WHY: one request per file cost a 10,000-file drop 10,000 HTTP round
 * trips (about 7 ms each here) before anything could be queued; a batch costs a few.
 */
export async function stageBatch(
  stagingDir: string,
  body: AsyncIterable<Buffer>,
  batch?: string,
): Promise<string[]> {
  const batchDir = batchDirOf(stagingDir, batch);
  const tops = new Set<string>();
  let header = Buffer.alloc(0);
  let current: OpenFile | undefined;
  let files = 0;

  const begin = async (line: string): Promise<OpenFile | undefined> => {
    let parsed: z.infer<typeof BatchHeader>;
    try {
      parsed = BatchHeader.parse(JSON.parse(line));
    } catch {
      throw new BatchFormatError('a file header in the batch is malformed');
    }
    const relative = safeRelativePath(parsed.name);
    if (!relative) throw new BatchFormatError(`bad file name: ${parsed.name}`);
    if (++files > MAX_BATCH_FILES) throw new BatchFormatError('too many files in one batch');
    const target = stagedTarget(batchDir, relative);
    await mkdir(dirname(target), { recursive: true });
    tops.add(topEntryOf(batchDir, relative));
    const handle = await open(target, 'w', 0o600);
    if (parsed.size > 0) return { handle, left: parsed.size };
    await handle.close();
    return undefined;
  };

  try {
    for await (const chunk of body) {
      let rest = chunk;
      while (rest.length > 0) {
        if (current) {
          const take = rest.subarray(0, current.left);
          await current.handle.write(take);
          current.left -= take.length;
          rest = rest.subarray(take.length);
          if (current.left === 0) {
            await current.handle.close();
            current = undefined;
          }
          continue;
        }
        const newline = rest.indexOf(0x0a);
        if (newline < 0) {
          header = Buffer.concat([header, rest]);
          if (header.length > MAX_HEADER_BYTES) throw new BatchFormatError('a header is too long');
          break;
        }
        const line = Buffer.concat([header, rest.subarray(0, newline)]).toString('utf8');
        header = Buffer.alloc(0);
        rest = rest.subarray(newline + 1);
        current = await begin(line);
      }
    }
    if (current || header.length > 0) throw new BatchFormatError('the batch ended mid-file');
  } finally {
    await current?.handle.close();
  }
  return [...tops];
}
