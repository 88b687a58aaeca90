import type { InvokeArgs, InvokeChannelName, InvokeResult } from '../../contract/channels';
import type { HakobuApp } from '../../core/api/app';
import { dispatchInvoke, UserFacingError } from '../../core/api/dispatch';
import type { Logger } from '../../core/log/logger';

/**
 * Calls a contract channel as the desktop app does: arguments typed at the prompt are validated
 * by the channel's schema, and failures arrive as UserFacingErrors with their stable code.
 */
export async function invoke<C extends InvokeChannelName>(
  app: HakobuApp,
  log: Logger,
  channel: C,
  ...args: InvokeArgs<C>
): Promise<InvokeResult<C>> {
  const envelope = await dispatchInvoke(app.handlers, channel, args, (error) =>
    log.error(`${channel} failed unexpectedly`, error),
  );
  if (envelope.ok) return envelope.value as InvokeResult<C>;
  throw new UserFacingError(envelope.error.code, envelope.error.message, envelope.error.params);
}
