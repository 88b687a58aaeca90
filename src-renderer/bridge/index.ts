import type { HakobuApi } from '../../src-main/contract/api';
import { electronApi } from './ipc';

/** Connects to the core: Electron's preload bridge when present, else the web harness's socket. */
export async function connectHakobu(): Promise<HakobuApi> {
  const electron = electronApi();
  if (electron) return electron;
  // Loaded only in the harness, so the desktop bundle never parses the socket code.
  const { createWebSocketBridge, harnessUrls } = await import('./websocket');
  return createWebSocketBridge(harnessUrls(window.location.href));
}
