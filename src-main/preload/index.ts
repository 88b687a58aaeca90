// The sandboxed preload: bundled into a single CommonJS file, because a sandboxed preload can
// require only 'electron' (and a few Node built-ins), not our modules.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { HakobuBridge } from '../contract/api';
import type { EventName, InvokeChannelName } from '../contract/channels';
import { EVENT_NAMES, INVOKE_CHANNEL_NAMES } from '../contract/names';

const isEvent = (name: string): name is EventName =>
  (EVENT_NAMES as readonly string[]).includes(name);
const isChannel = (name: string): name is InvokeChannelName =>
  (INVOKE_CHANNEL_NAMES as readonly string[]).includes(name);

const bridge: HakobuBridge = {
  invoke(channel, ...args) {
    if (!isChannel(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'ipc.unknownChannel', message: 'Unknown request.' },
      });
    }
    return ipcRenderer.invoke(channel, ...args);
  },
  on(event, listener) {
    if (!isEvent(event)) throw new Error(`Unknown event ${String(event)}`);
    // Never hand the IpcRendererEvent to the page: it exposes ipcRenderer itself.
    const wrapped = (_event: IpcRendererEvent, payload: Parameters<typeof listener>[0]) =>
      listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
  // Main reads the files itself; the renderer only learns their paths (folders included).
  stageFiles: (files) => Promise.resolve(files.map((file) => webUtils.getPathForFile(file))),
};

contextBridge.exposeInMainWorld('hakobu', bridge);
