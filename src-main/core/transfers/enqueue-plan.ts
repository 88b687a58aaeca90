import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { UserError } from '../../contract/views';
import { TransferError } from './errors';
import { itemFromRecord, type TransferItem } from './item';
import type { JournalRecord } from './journal';
import { buildKey, resolvePrefix } from './keys';
import { ProgressMeter } from './progress';
import { scanPaths } from './scan';
import type { TransferConfig } from './types';

type Location = TransferConfig['locations'][number];

/** The location uploads go to: the named one, or the first writable one. */
export function writableLocation(locations: readonly Location[], name?: string): Location {
  const location = name
    ? locations.find((l) => l.name === name)
    : locations.find((l) => l.access === 'readwrite');
  if (!location) {
    throw new TransferError(
      'transfer.noLocation',
      name
        ? `There is no location named ${name} in the configuration.`
        : 'No location in the configuration accepts uploads.',
      name ? { location: name } : undefined,
    );
  }
  if (location.access !== 'readwrite') {
    throw new TransferError(
      'transfer.readOnlyLocation',
      `The location ${location.name} is read-only; choose another one to upload to.`,
      { location: location.name },
    );
  }
  return location;
}

/** A row for something that cannot be uploaded: shown as failed, never journaled. */
function failedItem(location: Location, path: string, error: UserError): TransferItem {
  return {
    id: randomUUID(),
    record: undefined,
    name: basename(path),
    location: location.name,
    bucket: location.bucket,
    state: 'failed',
    meter: new ProgressMeter(),
    error,
  };
}

/** What a drop turns into: its items, and the links that were not followed out of a folder. */
export interface EnqueuePlan {
  items: TransferItem[];
  /** Relative paths of links below a dropped folder that point outside it (see scanPaths). */
  skippedLinks: string[];
}

/**
 * Scans dropped paths and turns every file into a queued item with its key already validated;
 * files that cannot go (bad key, unreadable, loop) become failed items instead.
 */
export async function planEnqueue(args: {
  paths: readonly string[];
  location: Location;
  identityId: string;
  folder?: string;
  nextSeq: () => number;
}): Promise<EnqueuePlan> {
  const { location, identityId } = args;
  const prefix = resolvePrefix(location.prefix, identityId);
  const { files, problems, skippedLinks } = await scanPaths(args.paths);
  const items: TransferItem[] = [];
  for (const file of files) {
    let key: string;
    try {
      key = buildKey(prefix, file.relativePath, args.folder);
    } catch (error) {
      if (!(error instanceof TransferError)) throw error;
      items.push(failedItem(location, file.path, error.toUserError()));
      continue;
    }
    const record: JournalRecord = {
      version: 1,
      id: randomUUID(),
      seq: args.nextSeq(),
      identityId,
      sourcePath: file.path,
      relativePath: file.relativePath,
      location: location.name,
      bucket: location.bucket,
      key,
      fingerprint: { size: file.size, mtimeMs: file.mtimeMs },
      state: 'queued',
    };
    items.push(itemFromRecord(record));
  }
  for (const problem of problems) items.push(failedItem(location, problem.path, problem.error));
  return { items, skippedLinks };
}
