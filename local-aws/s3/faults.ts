import type { LocalAwsContext } from '../context';
import type { AwsError } from '../http/aws-error';
import { internalError, slowDown } from './errors';

/** What the fault dice decided for one UploadPart request. */
export type UploadPartFault =
  { kind: 'fail'; error: AwsError } | { kind: 'reset'; afterBytes: number } | undefined;

/**
 * Rolls the configured fault dice for an UploadPart: first whether it fails with the configured
 * status, then whether its connection is cut mid-body. Both draw from ctx.random(), so a run is
 * replayable from its seed.
 */
export function rollUploadPartFault(ctx: LocalAwsContext): UploadPartFault {
  const faults = ctx.state.faults;
  if (faults.uploadPartFailureRate > 0 && ctx.random() < faults.uploadPartFailureRate) {
    return { kind: 'fail', error: faults.failureStatus === 500 ? internalError() : slowDown() };
  }
  if (faults.uploadPartResetRate > 0 && ctx.random() < faults.uploadPartResetRate) {
    return { kind: 'reset', afterBytes: faults.resetAfterBytes };
  }
  return undefined;
}

/**
 * Thrown when the stand-in cuts a connection on purpose: there is no response to send, only a log
 * line to write.
 */
export class ConnectionDropped extends Error {
  constructor(readonly reason: string) {
    super(`connection dropped: ${reason}`);
    this.name = 'ConnectionDropped';
  }
}
