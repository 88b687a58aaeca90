// The transfers module's public surface: the engine, its events and options, and the pure
// helpers other modules may reuse (key rules, part planning).
export { createTransferEngine, TransferEngine } from './engine';
export type { TransferEvents } from './events';
export { TransferError } from './errors';
export { buildKey, MAX_KEY_BYTES, resolvePrefix, validateKey } from './keys';
export { partSizeFor, planParts, MAX_PARTS } from './part-plan';
export type {
  EnqueueOptions,
  EnqueueOutcome,
  RetryOptions,
  TransferConfig,
  TransferEngineOptions,
} from './types';
