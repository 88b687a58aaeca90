import type { HakobuApi } from '../../src-main/contract/api';

/**
 * 'connecting' until the first connection opens, 'open' while connected, 'lost' after a drop
 * while it reconnects (or when the first attempt failed).
 */
export type ConnectionState = 'connecting' | 'open' | 'lost';

/** Implemented by transports that can drop (the harness socket); Electron IPC never disconnects. */
export interface ConnectionStatus {
  connectionState(): ConnectionState;
  /** Calls the listener with the new state on every change; returns the unsubscribe function. */
  onConnectionChange(listener: (state: ConnectionState) => void): () => void;
}

/** True when the API can report losing and regaining its connection. */
export function hasConnectionStatus(api: HakobuApi): api is HakobuApi & ConnectionStatus {
  return 'onConnectionChange' in api && typeof api.onConnectionChange === 'function';
}
