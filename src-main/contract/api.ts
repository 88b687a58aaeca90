import type {
  EventChannels,
  EventName,
  InvokeArgs,
  InvokeChannelName,
  InvokeResult,
} from './channels';

/** The API the renderer sees as `window.hakobu`, identical in Electron (preload) and the web harness. */
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
