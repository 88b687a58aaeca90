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
   * Turns dropped or picked files into something main can enqueue: local paths in Electron
   * (webUtils.getPathForFile), staged copies in the web harness.
   */
  stageFiles(files: readonly File[]): Promise<string[]>;
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
  stageFiles(files: readonly File[]): Promise<string[]>;
}

/** Builds the renderer's HakobuApi over a bridge, turning error envelopes into HakobuError. */
export function apiFromBridge(bridge: HakobuBridge): HakobuApi {
  return {
    async invoke(channel, ...args) {
      const envelope = await bridge.invoke(channel, ...args);
      if (envelope.ok) return envelope.value;
      throw new HakobuError(envelope.error.code, envelope.error.message, envelope.error.params);
    },
    on: (event, listener) => bridge.on(event, listener),
    stageFiles: (files) => bridge.stageFiles(files),
  };
}
