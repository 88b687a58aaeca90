// One render request as the pool tracks it, and what is done with its input and its outcome.
import type { Readable } from 'node:stream';
import type { RenderOptions, ThumbnailInput } from './renderer';

/** A render request from the moment it is queued until it is settled. */
export interface Job {
  input: ThumbnailInput;
  options: RenderOptions;
  settled: boolean;
  /** The open source stream, once the job runs: destroyed when the job is abandoned. */
  source?: Readable;
  resolve(bytes: Buffer): void;
  reject(error: unknown): void;
  /** Stops listening to the requester's signal. */
  release(): void;
}

const isStream = (input: ThumbnailInput): input is Readable =>
  typeof input !== 'function' && !(input instanceof Uint8Array);

/** Stops a source nobody will read, so its download ends too. */
export function discard(input: ThumbnailInput): void {
  if (isStream(input)) input.destroy();
}

// Structured clone copies a view's whole backing buffer, which may be far larger than the view.
export const ownBytes = (chunk: Uint8Array) =>
  chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength
    ? chunk
    : new Uint8Array(chunk);

/** Resolves with a Buffer or rejects with anything else, once. */
export function settle(job: Job, outcome: unknown): void {
  if (job.settled) return;
  job.settled = true;
  job.release();
  if (Buffer.isBuffer(outcome)) job.resolve(outcome);
  else job.reject(outcome);
}
