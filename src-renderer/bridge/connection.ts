import type { HakobuApi } from '../../src-main/contract/api';

/** Implemented by transports that can drop (the harness socket); Electron IPC never disconnects. */
export interface ConnectionStatus {
  connected(): boolean;
  /** Calls the listener with the new state on every change; returns the unsubscribe function. */
  onConnectionChange(listener: (connected: boolean) => void): () => void;
}

/** True when the API can report losing and regaining its connection. */
export function hasConnectionStatus(api: HakobuApi): api is HakobuApi & ConnectionStatus {
  return 'onConnectionChange' in api && typeof api.onConnectionChange === 'function';
}
