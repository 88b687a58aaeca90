import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import {
  bridgeChannels,
  invokeChannels,
  type EventChannels,
  type EventName,
} from '../../contract/channels';
import {
  dispatchBridge,
  dispatchInvoke,
  type BridgeHandlers,
  type ContractHandlers,
} from '../../core/api/dispatch';
import type { Logger } from '../../core/log/logger';
import { isTrustedSender } from '../security/trusted-sender';

/** What main serves over IPC: the page's contract and the preload's own channels. */
export interface IpcHandlers {
  contract: ContractHandlers;
  bridge: BridgeHandlers;
}

/** Registers one ipcMain handler per channel (both maps); returns a function that removes them. */
export function wireContract(
  ipcMain: IpcMain,
  handlers: IpcHandlers,
  ourContents: () => WebContents | undefined,
  log: Logger,
): () => void {
  const guarded =
    (channel: string, run: (args: unknown[]) => Promise<unknown>) =>
    (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      if (!isTrustedSender(event, ourContents())) {
        log.warn(`refused ${channel} from an untrusted frame`, {
          url: event.senderFrame?.url ?? null,
        });
        return { ok: false, error: { code: 'ipc.forbidden', message: 'Request refused.' } };
      }
      return run(args);
    };
  const onUnexpected = (channel: string) => (error: unknown) =>
    log.error(`${channel} failed`, error);
  const contract = Object.keys(invokeChannels);
  const bridge = Object.keys(bridgeChannels);
  for (const channel of contract) {
    ipcMain.handle(
      channel,
      guarded(channel, (args) =>
        dispatchInvoke(handlers.contract, channel, args, onUnexpected(channel)),
      ),
    );
  }
  for (const channel of bridge) {
    ipcMain.handle(
      channel,
      guarded(channel, (args) =>
        dispatchBridge(handlers.bridge, channel, args, onUnexpected(channel)),
      ),
    );
  }
  return () => [...contract, ...bridge].forEach((channel) => ipcMain.removeHandler(channel));
}

/** Sends a contract event to our window, if it is still there. */
export function sendEvent<E extends EventName>(
  contents: WebContents | undefined,
  event: E,
  payload: EventChannels[E],
): void {
  if (contents && !contents.isDestroyed()) contents.send(event, payload);
}
