import type { IpcMain, WebContents } from 'electron';
import { invokeChannels, type EventChannels, type EventName } from '../../contract/channels';
import { dispatchInvoke, type ContractHandlers } from '../../core/api/dispatch';
import type { Logger } from '../../core/log/logger';
import { isTrustedSender } from '../security/trusted-sender';

/** Registers one ipcMain handler per contract channel; returns a function that removes them all. */
export function wireContract(
  ipcMain: IpcMain,
  handlers: ContractHandlers,
  ourContents: () => WebContents | undefined,
  log: Logger,
): () => void {
  const channels = Object.keys(invokeChannels);
  for (const channel of channels) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      if (!isTrustedSender(event, ourContents())) {
        log.warn(`refused ${channel} from an untrusted frame`, {
          url: event.senderFrame?.url ?? null,
        });
        return { ok: false, error: { code: 'ipc.forbidden', message: 'Request refused.' } };
      }
      return dispatchInvoke(handlers, channel, args, (error) =>
        log.error(`${channel} failed`, error),
      );
    });
  }
  return () => channels.forEach((channel) => ipcMain.removeHandler(channel));
}

/** Sends a contract event to our window, if it is still there. */
export function sendEvent<E extends EventName>(
  contents: WebContents | undefined,
  event: E,
  payload: EventChannels[E],
): void {
  if (contents && !contents.isDestroyed()) contents.send(event, payload);
}
