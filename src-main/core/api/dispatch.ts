import type { z } from 'zod';
import {
  bridgeChannels,
  invokeChannels,
  type BridgeChannelName,
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

/** The handlers of the preload-only channels (Electron wires them; the harness never does). */
export type BridgeHandlers = {
  [C in BridgeChannelName]: (...args: ValidatedArgs<C>) => Promise<InvokeResult<C>>;
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

type ChannelMap = Record<string, { args: z.ZodTuple }>;
type AnyHandlers = Record<string, (...args: never[]) => Promise<unknown>>;

/**
 * Validates a call from an untrusted renderer against the contract and runs its handler.
 * Never throws: the result travels in an envelope so the error code survives serialization.
 */
export function dispatchInvoke(
  handlers: ContractHandlers,
  channel: unknown,
  rawArgs: readonly unknown[],
  onUnexpected: (error: unknown, channel: string) => void = () => {},
): Promise<Envelope<unknown>> {
  return dispatch(invokeChannels, handlers, channel, rawArgs, onUnexpected);
}

/** dispatchInvoke for the preload-only channels, which only Electron's IPC wiring serves. */
export function dispatchBridge(
  handlers: BridgeHandlers,
  channel: unknown,
  rawArgs: readonly unknown[],
  onUnexpected: (error: unknown, channel: string) => void = () => {},
): Promise<Envelope<unknown>> {
  return dispatch(bridgeChannels, handlers, channel, rawArgs, onUnexpected);
}

async function dispatch(
  channels: ChannelMap,
  handlers: AnyHandlers,
  channel: unknown,
  rawArgs: readonly unknown[],
  onUnexpected: (error: unknown, channel: string) => void,
): Promise<Envelope<unknown>> {
  const entry =
    typeof channel === 'string' && Object.hasOwn(channels, channel) ? channels[channel] : undefined;
  if (typeof channel !== 'string' || !entry) {
    return { ok: false, error: { code: 'ipc.unknownChannel', message: 'Unknown request.' } };
  }
  const parsed = entry.args.safeParse(rawArgs);
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
