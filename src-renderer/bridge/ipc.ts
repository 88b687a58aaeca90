import { apiFromBridge, type HakobuApi, type HakobuBridge } from '../../src-main/contract/api';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in a plain browser. */
    hakobu?: HakobuBridge;
  }
}

/** The API over Electron's preload bridge, or undefined when the page runs outside Electron. */
export function electronApi(): HakobuApi | undefined {
  const bridge = window.hakobu;
  return bridge ? apiFromBridge(bridge) : undefined;
}
