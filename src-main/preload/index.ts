// The sandboxed preload: bundled into a single CommonJS file, because a sandboxed preload can
// require only 'electron' (and a few Node built-ins), not our modules.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { HakobuBridge } from '../contract/api';
import type { Envelope, EventName, InvokeChannelName, InvokeResult } from '../contract/channels';
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
  // The page hands over File objects, never paths: only a File the user really dropped or picked
  // has a path (getPathForFile answers "" for one the page made), and main returns handles for it.
  async fileHandles(files) {
    const paths = files.map((file) => webUtils.getPathForFile(file)).filter(Boolean);
    if (paths.length === 0) return { ok: true, value: [] };
    const envelope = (await ipcRenderer.invoke('files.register', { paths })) as Envelope<
      InvokeResult<'files.register'>
    >;
    return envelope.ok
      ? { ok: true, value: envelope.value.map((chosen) => chosen.handle) }
      : envelope;
  },
};

contextBridge.exposeInMainWorld('hakobu', bridge);
