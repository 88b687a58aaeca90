import {
  invokeChannels,
  type Envelope,
  type InvokeChannelName,
  type InvokeResult,
  type ValidatedArgs,
} from '../../contract/channels';
import type { UserError } from '../../contract/views';
import { UserFacingError } from '../errors/user-facing';

export { UserFacingError };

/** One handler per channel: what every shell (Electron IPC, web harness) calls after validation. */
export type ContractHandlers = {
  [C in InvokeChannelName]: (...args: ValidatedArgs<C>) => Promise<InvokeResult<C>>;
};

/** True when a string names a channel of the contract (and not, say, "__proto__"). */
export function isInvokeChannel(name: unknown): name is InvokeChannelName {
  return typeof name === 'string' && Object.hasOwn(invokeChannels, name);
}

/** Converts anything thrown by a handler into a UserError that is safe to show. */
export function toUserError(error: unknown): UserError {
  if (error instanceof UserFacingError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.params ? { params: error.params } : {}),
    };
  }
  // Unknown errors may carry internals (paths, tokens in URLs): show a generic message, log the rest.
  return {
    code: 'internal',
    message: 'Something went wrong inside Hakobu. Details are in the log.',
  };
}

/**
 * Validates a call from an untrusted renderer against the contract and runs its handler.
 * Never throws: the result travels in an envelope so the error code survives serialization.
 */
export async function dispatchInvoke(
  handlers: ContractHandlers,
  channel: unknown,
  rawArgs: readonly unknown[],
  onUnexpected: (error: unknown, channel: string) => void = () => {},
): Promise<Envelope<unknown>> {
  if (!isInvokeChannel(channel)) {
    return { ok: false, error: { code: 'ipc.unknownChannel', message: 'Unknown request.' } };
  }
  const parsed = invokeChannels[channel].args.safeParse(rawArgs);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: {
        code: 'ipc.invalidArguments',
        message:
          `Invalid request to ${channel}: ${issue?.path.join('.') || 'arguments'} ${issue?.message ?? ''}`.trim(),
      },
    };
  }
  try {
    const handler = handlers[channel] as (...args: unknown[]) => Promise<unknown>;
    return { ok: true, value: await handler(...(parsed.data as unknown[])) };
  } catch (error) {
    if (!(error instanceof UserFacingError)) onUnexpected(error, channel);
    return { ok: false, error: toUserError(error) };
  }
}
