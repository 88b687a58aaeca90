import { apiFromBridge, HakobuError, type HakobuApi } from '../../src-main/contract/api';
import type { Envelope, EventChannels, EventName } from '../../src-main/contract/channels';
import { reconnectDelay } from './backoff';
import type { ConnectionStatus } from './connection';
import { StagedFile } from './frames';
import { relativePathOf } from './relative-paths';
import { SocketClient } from './socket-client';

/** Where the harness listens, derived from the page it served. */
export interface HarnessUrls {
  socketUrl: string;
  /** The staging URL for one file of a batch, by its path inside what the user dropped. */
  stageUrl(relativePath: string, batch: string): string;
}

/** Reads the per-run token from the page URL and derives the socket and staging URLs from it. */
export function harnessUrls(pageUrl: string): HarnessUrls {
  const page = new URL(pageUrl);
  const token = page.searchParams.get('token') ?? '';
  const socket = new URL('/ws', page);
  socket.protocol = page.protocol === 'https:' ? 'wss:' : 'ws:';
  socket.search = new URLSearchParams({ token }).toString();
  return {
    socketUrl: socket.href,
    stageUrl(relativePath, batch) {
      const stage = new URL('/stage', page);
      stage.search = new URLSearchParams({ token, name: relativePath, batch }).toString();
      return stage.href;
    },
  };
}

export interface WebSocketBridgeOptions extends HarnessUrls {
  /** The wait before reconnect attempt n; defaults to exponential backoff with jitter. */
  reconnectDelay?: (attempt: number) => number;
}

/** The harness transport: HakobuApi over one socket, plus connection status and a way to close. */
export type WebSocketApi = HakobuApi & ConnectionStatus & { close(): void };

/** Builds the HakobuApi the web harness provides, over a WebSocket and the /stage endpoint. */
export function createWebSocketBridge(options: WebSocketBridgeOptions): WebSocketApi {
  const client = new SocketClient(options.socketUrl, options.reconnectDelay ?? reconnectDelay);
  const api = apiFromBridge({
    invoke: (channel, ...args) =>
      // The harness answers with the channel's own result type; the socket cannot know it.
      client.request(channel, args) as Promise<Envelope<never>>,
    on: <E extends EventName>(event: E, listener: (payload: EventChannels[E]) => void) =>
      // Payloads are main's own event types; the socket only carries them.
      client.subscribe(event, (payload) => listener(payload as EventChannels[E])),
    fileHandles: async (files) => ({ ok: true, value: await stageFiles(files, options.stageUrl) }),
  });
  return {
    ...api,
    connectionState: () => client.connectionState(),
    onConnectionChange: (listener) => client.onConnectionChange(listener),
    close: () => client.close(),
  };
}

/** Staging requests in flight at once: Chromium's per-host connection limit (HTTP/1.1). */
const STAGE_PARALLEL = 6;

/** Uploads each file's bytes to the harness, which keeps a copy main can read; returns its handles. */
async function stageFiles(
  files: readonly File[],
  stageUrl: HarnessUrls['stageUrl'],
): Promise<string[]> {
  // One folder per batch on the harness, so a dropped folder keeps its name at the top.
  const batch = crypto.randomUUID();
  const handles: string[] = new Array<string>(files.length);
  let next = 0;
  // One at a time, a 10,000-file drop waited 10,000 round trips before anything was queued.
  const worker = async () => {
    for (let index = next++; index < files.length; index = next++) {
      const file = files[index];
      if (file) handles[index] = await stageOne(file, batch, stageUrl);
    }
  };
  await Promise.all(Array.from({ length: Math.min(STAGE_PARALLEL, files.length) }, worker));
  // Every file of a dropped folder stages into the same folder, with one handle: enqueue it once.
  return [...new Set(handles)];
}

async function stageOne(
  file: File,
  batch: string,
  stageUrl: HarnessUrls['stageUrl'],
): Promise<string> {
  const name = relativePathOf(file);
  let response: Response;
  try {
    response = await fetch(stageUrl(name, batch), { method: 'PUT', body: file });
  } catch {
    throw new HakobuError('disconnected', 'Lost the connection to Hakobu. Reconnecting…');
  }
  const body: unknown = response.ok ? await response.json().catch(() => undefined) : undefined;
  const staged = StagedFile.safeParse(body);
  if (!staged.success) {
    throw new HakobuError('upload.stageFailed', `Could not prepare “${name}” for upload.`, {
      name,
    });
  }
  return staged.data.handle;
}
