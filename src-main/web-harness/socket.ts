import type { WebSocket } from 'ws';
import { z } from 'zod';
import type { EventChannels, EventName } from '../contract/channels';
import { EVENT_NAMES } from '../contract/names';
import { dispatchInvoke, type ContractHandlers } from '../core/api/dispatch';
import type { Logger } from '../core/log/logger';

/** Lets the harness forward core events: subscribe returns an unsubscribe function. */
export interface EventSource {
  subscribe(emit: <E extends EventName>(event: E, payload: EventChannels[E]) => void): () => void;
}

const InvokeMessage = z.object({
  type: z.literal('invoke'),
  id: z.union([z.string().max(64), z.number()]),
  channel: z.string().max(64),
  args: z.array(z.unknown()).max(8),
});

/** Serves the contract over one WebSocket: invoke → result envelopes, and pushed events. */
export function attachContractSocket(
  ws: WebSocket,
  options: { handlers: ContractHandlers; events: EventSource; log: Logger },
): void {
  const sendJson = (message: unknown) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  const unsubscribe = options.events.subscribe((event, payload) => {
    if (EVENT_NAMES.includes(event)) sendJson({ type: 'event', event, payload });
  });
  ws.on('close', unsubscribe);
  // ws closes an oversized frame with 1009 itself and then reports it here; without a listener
  // that report would be an unhandled 'error' event and end the process.
  ws.on('error', (error) => options.log.warn('harness socket closed on a bad frame', error));
  ws.on('message', (data, isBinary) => {
    if (isBinary) return ws.close(1003, 'text frames only');
    let json: unknown;
    try {
      json = JSON.parse(String(data));
    } catch {
      return ws.close(1007, 'invalid JSON');
    }
    const message = InvokeMessage.safeParse(json);
    if (!message.success) return ws.close(1008, 'invalid message');
    const { id, channel, args } = message.data;
    void dispatchInvoke(options.handlers, channel, args, (error) =>
      options.log.error(`${channel} failed`, error),
    ).then((envelope) => sendJson({ type: 'result', id, envelope }));
  });
}
