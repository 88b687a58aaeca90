import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import { HakobuError } from '../../src-main/contract/api';
import { setRelativePath } from '../../src-renderer/bridge/relative-paths';
import {
  createWebSocketBridge,
  harnessUrls,
  type WebSocketApi,
} from '../../src-renderer/bridge/websocket';

// A tiny stand-in for the web harness: one HTTP server with /ws (the protocol) and /stage/batch.
interface Harness {
  port: number;
  frames: unknown[];
  sockets: Set<ServerSocket>;
  /** Each file staged: the batch request's URL, the file's name and its bytes. */
  staged: { url: URL; name: string; body: string }[];
  /** How many files each staging request carried. */
  requests: number[];
  reply: (frame: { id: number; channel: string; args: unknown[] }, socket: ServerSocket) => void;
  server: Server;
  wss: WebSocketServer;
}

let harness: Harness;

function parseBatch(data: Buffer): { name: string; body: string }[] {
  const files: { name: string; body: string }[] = [];
  for (let at = 0; at < data.length;) {
    const newline = data.indexOf(0x0a, at);
    const { name, size } = JSON.parse(data.subarray(at, newline).toString()) as {
      name: string;
      size: number;
    };
    files.push({ name, body: data.subarray(newline + 1, newline + 1 + size).toString() });
    at = newline + 1 + size;
  }
  return files;
}
let bridge: WebSocketApi | undefined;

async function startHarness(): Promise<Harness> {
  const h: Partial<Harness> = {
    frames: [],
    sockets: new Set(),
    staged: [],
    requests: [],
    reply: (frame, socket) =>
      socket.send(
        JSON.stringify({ type: 'result', id: frame.id, envelope: { ok: true, value: frame.args } }),
      ),
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method !== 'PUT' || url.pathname !== '/stage/batch') {
        res.writeHead(404).end();
        return;
      }
      // The batch format: per file, a JSON line {"name","size"}, then exactly size bytes.
      const files = parseBatch(Buffer.concat(chunks));
      h.staged?.push(...files.map((file) => ({ url, ...file })));
      h.requests?.push(files.length);
      if (files.some((file) => file.name.includes('refused'))) {
        res.writeHead(403).end();
        return;
      }
      // Like the harness: one handle per top-level entry of a drop (a dropped folder is one).
      const batch = url.searchParams.get('batch') ?? '';
      const tops = [...new Set(files.map((file) => file.name.split('/')[0]))];
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ handles: tops.map((top) => `fh_${batch}_${top}`) }));
    });
  });
  const wss = new WebSocketServer({ server, path: '/ws' });
  wss.on('connection', (socket, request) => {
    const token = new URL(request.url ?? '', 'http://x').searchParams.get('token');
    if (token !== 'secret') {
      socket.close(4401);
      return;
    }
    h.sockets?.add(socket);
    socket.on('close', () => h.sockets?.delete(socket));
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { id: number; channel: string; args: unknown[] };
      h.frames?.push(frame);
      h.reply?.(frame, socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // One object, mutated: the handlers above read `reply` from it, so tests can swap it.
  return Object.assign(h, { port: (server.address() as AddressInfo).port, server, wss }) as Harness;
}

/** Waits for a condition the test cannot be notified of (bounded; never asserts how long it took). */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function connect(): WebSocketApi {
  bridge = createWebSocketBridge({
    ...harnessUrls(`http://127.0.0.1:${harness.port}/index.html?token=secret`),
    reconnectDelay: () => 20,
  });
  return bridge;
}

const pushToAll = (frame: unknown) => {
  for (const socket of harness.sockets) socket.send(JSON.stringify(frame));
};

beforeEach(async () => {
  harness = await startHarness();
});

afterEach(async () => {
  bridge?.close();
  bridge = undefined;
  for (const socket of harness.sockets) socket.terminate();
  await new Promise((r) => harness.wss.close(r));
  await new Promise((r) => harness.server.close(r));
});

describe('harnessUrls', () => {
  it('derives the socket and staging URLs from the page URL and its token', () => {
    const urls = harnessUrls('http://127.0.0.1:4321/index.html?token=a%2Bb#/library');
    expect(urls.socketUrl).toBe('ws://127.0.0.1:4321/ws?token=a%2Bb');
    const stage = new URL(urls.stageBatchUrl('batch1'));
    expect(stage.pathname).toBe('/stage/batch');
    expect(stage.searchParams.get('token')).toBe('a+b');
    expect(stage.searchParams.get('batch')).toBe('batch1');
    expect(harnessUrls('https://example.test/?token=t').socketUrl).toBe(
      'wss://example.test/ws?token=t',
    );
  });
});

describe('the WebSocket bridge', () => {
  it('sends invoke frames and resolves with the value of the result envelope', async () => {
    const api = connect();
    const value = await api.invoke('library.list', { location: 'Photos', path: 'trip/' });
    expect(value).toEqual([{ location: 'Photos', path: 'trip/' }]);
    expect(harness.frames).toEqual([
      {
        type: 'invoke',
        id: expect.any(Number),
        channel: 'library.list',
        args: [{ location: 'Photos', path: 'trip/' }],
      },
    ]);
  });

  it('matches concurrent replies to their requests even when they come back out of order', async () => {
    const held: { frame: { id: number; args: unknown[] }; socket: ServerSocket }[] = [];
    harness.reply = (frame, socket) => {
      held.push({ frame, socket });
      if (held.length < 3) return;
      for (const { frame: f, socket: s } of held.reverse()) {
        s.send(JSON.stringify({ type: 'result', id: f.id, envelope: { ok: true, value: f.args } }));
      }
    };
    const api = connect();
    const answers = await Promise.all([
      api.invoke('library.list', { location: 'a' }),
      api.invoke('library.list', { location: 'b' }),
      api.invoke('library.list', { location: 'c' }),
    ]);
    expect(answers).toEqual([[{ location: 'a' }], [{ location: 'b' }], [{ location: 'c' }]]);
  });

  it('rejects with a HakobuError that keeps the code, message and params of an error envelope', async () => {
    harness.reply = (frame, socket) =>
      socket.send(
        JSON.stringify({
          type: 'result',
          id: frame.id,
          envelope: {
            ok: false,
            error: { code: 'auth.wrongCredentials', message: 'Wrong.', params: { n: 1 } },
          },
        }),
      );
    const api = connect();
    const failure = await api
      .invoke('session.signIn', { username: 'a@b.c', password: 'x' })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(HakobuError);
    expect(failure).toMatchObject({
      code: 'auth.wrongCredentials',
      message: 'Wrong.',
      params: { n: 1 },
    });
  });

  it('delivers pushed events to subscribers until they unsubscribe, and ignores garbage', async () => {
    const api = connect();
    await api.invoke('app.info');
    const seen: unknown[] = [];
    const off = api.on('library.objectAdded', (payload) => seen.push(payload));
    const other: unknown[] = [];
    api.on('transfers.conflict', (payload) => other.push(payload));
    for (const socket of harness.sockets) socket.send('not json');
    pushToAll({ type: 'result', id: 'no such request', envelope: { ok: true, value: 1 } });
    pushToAll({ type: 'nonsense', event: 'library.objectAdded', payload: 1 });
    pushToAll({
      type: 'event',
      event: 'library.objectAdded',
      payload: { location: 'P', key: 'a' },
    });
    await until(() => seen.length === 1, 'the event');
    off();
    pushToAll({
      type: 'event',
      event: 'library.objectAdded',
      payload: { location: 'P', key: 'b' },
    });
    pushToAll({ type: 'event', event: 'transfers.conflict', payload: { itemId: '1' } });
    await until(() => other.length === 1, 'the conflict event');
    expect(seen).toEqual([{ location: 'P', key: 'a' }]);
  });

  it('fails pending invokes with "disconnected" when the socket drops, then reconnects', async () => {
    harness.reply = () => {}; // never answers
    const api = connect();
    const changes: string[] = [];
    api.onConnectionChange((state) => changes.push(state));
    const pending = api.invoke('doctor.run');
    await until(() => harness.frames.length === 1, 'the request to arrive');
    expect(api.connectionState()).toBe('open');
    for (const socket of harness.sockets) socket.terminate();

    const failure = await pending.catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(HakobuError);
    expect(failure).toMatchObject({ code: 'disconnected' });

    await until(() => api.connectionState() === 'open', 'the reconnect');
    expect(changes).toEqual(['open', 'lost', 'open']);
    harness.reply = (frame, socket) =>
      socket.send(
        JSON.stringify({ type: 'result', id: frame.id, envelope: { ok: true, value: 7 } }),
      );
    await expect(api.invoke('doctor.run')).resolves.toBe(7);
    // The dropped request was not sent again on the new connection.
    expect(
      harness.frames.filter((f) => (f as { channel: string }).channel === 'doctor.run'),
    ).toHaveLength(2);
  });

  it('fails a request queued while no server listens, instead of hanging', async () => {
    harness.wss.close();
    harness.server.close();
    for (const socket of harness.sockets) socket.terminate();
    const api = connect();
    expect(api.connectionState()).toBe('connecting');
    await expect(api.invoke('app.info')).rejects.toMatchObject({ code: 'disconnected' });
    expect(api.connectionState()).toBe('lost');
  });

  it('stages each file with its relative path and returns each handle the harness gives once', async () => {
    const api = connect();
    const loose = new File(['hello'], 'note.txt');
    const nested = new File(['jpeg bytes'], 'a.jpg');
    const sibling = new File(['more bytes'], 'b.jpg');
    setRelativePath(nested, 'trip/day 1/a.jpg');
    setRelativePath(sibling, 'trip/b.jpg');
    const handles = await api.fileHandles([loose, nested, sibling]);

    expect(harness.staged.map((s) => [s.name, s.body])).toEqual([
      ['note.txt', 'hello'],
      ['trip/day 1/a.jpg', 'jpeg bytes'],
      ['trip/b.jpg', 'more bytes'],
    ]);
    expect(harness.staged.every((s) => s.url.searchParams.get('token') === 'secret')).toBe(true);
    const batches = new Set(harness.staged.map((s) => s.url.searchParams.get('batch')));
    expect(batches.size).toBe(1);
    const [batch] = [...batches];
    expect(handles).toEqual([`fh_${batch}_note.txt`, `fh_${batch}_trip`]);
  });

  it('sends a big drop as a few batch requests, not a request per file', async () => {
    const api = connect();
    const files = Array.from({ length: 2_500 }, (_, n) => new File([`file ${n}`], `f${n}.txt`));
    const handles = await api.fileHandles(files);
    expect(handles).toHaveLength(2_500);
    // The two requests are in flight together: either may arrive first.
    expect(harness.staged.map((s) => s.body).sort()).toEqual(
      files.map((_, n) => `file ${n}`).sort(),
    );
    // At most 2,000 files a request (MAX_BATCH_FILES): two requests, not 2,500.
    expect([...harness.requests].sort((a, b) => b - a)).toEqual([2_000, 500]);
  });

  it('explains a file the harness refused to stage', async () => {
    const api = connect();
    await expect(api.fileHandles([new File(['x'], 'refused.bin')])).rejects.toMatchObject({
      code: 'upload.stageFailed',
      params: { name: 'refused.bin' },
    });
  });
});
