import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { LibraryError, toLibraryError } from './errors';
import { keyRefusal } from './key-guard';
import { objectName } from './keys';
import { claimFreeName, safeLocalName } from './local-names';
import { findLocation, type ResolvedLocation } from './locations';
import { missingOrDenied } from './missing-or-denied';
import type { LibraryS3 } from './s3-access';

/** What downloading needs: S3 and the resolved locations. */
export interface DownloadDeps {
  s3: LibraryS3;
  locations: readonly ResolvedLocation[];
  region: string;
  identityId: string;
}

/** One object to save into a local folder. */
export interface DownloadRequest {
  location: string;
  /** The full S3 key, as LibraryObjectView.key has it. */
  key: string;
  /** The folder to save into (the shell asks the user, or uses Downloads). */
  directory: string;
  /** The file name to use instead of the key's last segment. */
  fileName?: string;
  signal?: AbortSignal;
  /** Bytes received so far, and the object's size when S3 said it. */
  onProgress?: (received: number, total: number | undefined) => void;
}

function cannotSave(directory: string, error: unknown): LibraryError {
  const detail = error instanceof Error ? error.message : String(error);
  return new LibraryError(
    'library.cannotSave',
    `Could not save into ${directory} (${detail}). Choose another folder, or free some disk space.`,
    { directory, detail },
    { cause: error },
  );
}

function progressCounter(request: DownloadRequest, total: number | undefined): Transform {
  let received = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      request.onProgress?.(received, total);
      done(null, chunk);
    },
  });
}

/**
 * Streams an object to a local file and returns the path it was saved as. The bytes go to a
 * "*.part" file first and are renamed only when complete; an existing file is never replaced:
 * the name becomes "name (1).ext", "name (2).ext", …
 */
export async function downloadObject(
  deps: DownloadDeps,
  request: DownloadRequest,
): Promise<string> {
  const location = findLocation(deps.locations, request.location);
  const refusal = keyRefusal(location, request.key);
  if (refusal) throw refusal;
  const name = safeLocalName(request.fileName ?? objectName(request.key));
  const s3Context = {
    bucket: location.bucket,
    key: request.key,
    region: deps.region,
    identityId: deps.identityId,
  };
  const object = await deps.s3
    .send(location.s3Bucket, (client) =>
      client.send(
        new GetObjectCommand({ Bucket: location.s3Bucket, Key: request.key }),
        request.signal ? { abortSignal: request.signal } : {},
      ),
    )
    .catch(async (error: unknown) => {
      const failure = toLibraryError(error, s3Context);
      if (failure.code !== 'library.accessDenied') throw failure;
      throw await missingOrDenied(deps.s3, location, request.key, failure);
    });
  const body = object.Body as Readable;
  // A random part name: two downloads of one name at once must not write into the same file.
  const partPath = join(request.directory, `${name}.${randomBytes(4).toString('hex')}.part`);
  const sink = createWriteStream(partPath, { flags: 'wx' });
  let writeError: unknown;
  sink.once('error', (error) => {
    writeError = error;
  });
  try {
    await pipeline(body, progressCounter(request, object.ContentLength), sink, {
      ...(request.signal ? { signal: request.signal } : {}),
    });
  } catch (error) {
    body.destroy();
    await rm(partPath, { force: true });
    if (request.signal?.aborted) throw error;
    if (writeError !== undefined) throw cannotSave(request.directory, writeError);
    throw toLibraryError(error, s3Context);
  }
  try {
    return await claimFreeName(partPath, request.directory, name);
  } catch (error) {
    await rm(partPath, { force: true });
    throw cannotSave(request.directory, error);
  }
}
