import type {
  Envelope,
  EventChannels,
  EventName,
  InvokeArgs,
  InvokeChannelName,
  InvokeResult,
} from './channels';

/** The API renderer code uses, identical in Electron (over the preload bridge) and the web harness. */
export interface HakobuApi {
  invoke<C extends InvokeChannelName>(channel: C, ...args: InvokeArgs<C>): Promise<InvokeResult<C>>;
  /** Subscribes to a push event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventChannels[E]) => void): () => void;
  /**
   * Turns dropped or picked files into the opaque handles 'transfers.enqueue' takes: in Electron
   * the preload hands their paths to main, in the web harness main stages a copy. Never a path.
   */
  fileHandles(files: readonly File[]): Promise<string[]>;
}

/** Thrown by `invoke` in the renderer when main answers with a UserError. */
export class HakobuError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'HakobuError';
  }
}

/**
 * What the preload exposes as `window.hakobu`. Errors cannot cross Electron's context bridge with
 * their properties intact, so invoke resolves with the envelope and the renderer unwraps it.
 */
export interface HakobuBridge {
  invoke<C extends InvokeChannelName>(
    channel: C,
    ...args: InvokeArgs<C>
  ): Promise<Envelope<InvokeResult<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventChannels[E]) => void): () => void;
  fileHandles(files: readonly File[]): Promise<Envelope<string[]>>;
}

/** Builds the renderer's HakobuApi over a bridge, turning error envelopes into HakobuError. */
export function apiFromBridge(bridge: HakobuBridge): HakobuApi {
  return {
    invoke: async (channel, ...args) => unwrap(await bridge.invoke(channel, ...args)),
    on: (event, listener) => bridge.on(event, listener),
    fileHandles: async (files) => unwrap(await bridge.fileHandles(files)),
  };
}

function unwrap<R>(envelope: Envelope<R>): R {
  if (envelope.ok) return envelope.value;
  throw new HakobuError(envelope.error.code, envelope.error.message, envelope.error.params);
}
