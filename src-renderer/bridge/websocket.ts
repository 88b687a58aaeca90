import { apiFromBridge, HakobuError, type HakobuApi } from '../../src-main/contract/api';
import type { Envelope, EventChannels, EventName } from '../../src-main/contract/channels';
import { reconnectDelay } from './backoff';
import type { ConnectionStatus } from './connection';
import { StagedFiles } from './frames';
import { relativePathOf } from './relative-paths';
import { SocketClient } from './socket-client';
import { BATCH_TARGET_BYTES, batchHeader, MAX_BATCH_FILES } from '../../src-main/contract/staging';

/** Where the harness listens, derived from the page it served. */
export interface HarnessUrls {
  socketUrl: string;
  /** The staging URL for many files of a drop in one request (contract/staging.ts's format). */
  stageBatchUrl(batch: string): string;
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
    stageBatchUrl(batch) {
      const stage = new URL('/stage/batch', page);
      stage.search = new URLSearchParams({ token, batch }).toString();
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
    fileHandles: async (files) => ({
      ok: true,
      value: await stageFiles(files, options.stageBatchUrl),
    }),
  });
  return {
    ...api,
    connectionState: () => client.connectionState(),
    onConnectionChange: (listener) => client.onConnectionChange(listener),
    close: () => client.close(),
  };
}

/** Batch requests in flight at once: two keep the harness busy while the next one is built. */
const STAGE_PARALLEL = 2;

/** Splits a drop into batches of at most MAX_BATCH_FILES files and about BATCH_TARGET_BYTES. */
function batchesOf(files: readonly File[]): File[][] {
  const batches: File[][] = [];
  let current: File[] = [];
  let bytes = 0;
  for (const file of files) {
    if (
      current.length > 0 &&
      (current.length >= MAX_BATCH_FILES || bytes + file.size > BATCH_TARGET_BYTES)
    ) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Uploads the dropped files' bytes to the harness, which keeps a copy main can read; returns its handles. */
async function stageFiles(
  files: readonly File[],
  stageBatchUrl: HarnessUrls['stageBatchUrl'],
): Promise<string[]> {
  // One folder per drop on the harness, so a dropped folder keeps its name at the top.
  const batch = crypto.randomUUID();
  const batches = batchesOf(files);
  const handles: string[][] = new Array<string[]>(batches.length);
  let next = 0;
  // One request per file cost a 10,000-file drop 10,000 round trips before anything was queued.
  const worker = async () => {
    for (let index = next++; index < batches.length; index = next++) {
      const files = batches[index];
      if (files) handles[index] = await stageBatch(files, stageBatchUrl(batch));
    }
  };
  await Promise.all(Array.from({ length: Math.min(STAGE_PARALLEL, batches.length) }, worker));
  // Every file of a dropped folder stages into the same folder, with one handle: enqueue it once.
  return [...new Set(handles.flat())];
}

async function stageBatch(files: readonly File[], url: string): Promise<string[]> {
  // A Blob of Files refers to them without reading them: the browser streams each one as it sends.
  const parts = files.flatMap((file) => [batchHeader(relativePathOf(file), file.size), file]);
  let response: Response;
  try {
    response = await fetch(url, { method: 'PUT', body: new Blob(parts) });
  } catch {
    throw new HakobuError('disconnected', 'Lost the connection to Hakobu. Reconnecting…');
  }
  const body: unknown = response.ok ? await response.json().catch(() => undefined) : undefined;
  const staged = StagedFiles.safeParse(body);
  if (!staged.success) {
    const name = relativePathOf(files[0] as File);
    throw new HakobuError('upload.stageFailed', `Could not prepare “${name}” for upload.`, {
      name,
    });
  }
  return staged.data.handles;
}
