import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { batchHeader } from '../../../src-main/contract/staging';
import { ChosenFiles } from '../../../src-main/core/files';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ContractHandlers } from '../../../src-main/core/api/dispatch';
import { silentLogger } from '../../../src-main/core/log/logger';
import { startWebHarness, type RunningHarness } from '../../../src-main/web-harness/server';

let harness: RunningHarness;
let stagingDir: string;
let files: ChosenFiles;
const emitters: ((event: 'app.command', payload: { command: 'openSettings' }) => void)[] = [];

beforeAll(async () => {
  const rendererDir = mkdtempSync(join(tmpdir(), 'hakobu-harness-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Hakobu</title>');
  stagingDir = mkdtempSync(join(tmpdir(), 'hakobu-harness-staging-'));
  files = new ChosenFiles({ within: stagingDir });
  const handlers = {
    'app.info': async () => ({
      version: '0.1.0',
      shell: 'web',
      platform: 'linux',
      locale: 'ja-JP',
    }),
  } as unknown as ContractHandlers;
  harness = await startWebHarness({
    port: 0,
    rendererDir,
    stagingDir,
    files,
    handlers,
    serveMedia: async (request) =>
      request.relativePath.endsWith('.html')
        ? new Response('<script>alert(1)</script>', { headers: { 'Content-Type': 'text/html' } })
        : new Response(`media:${request.relativePath}`, {
            headers: { 'Content-Type': 'image/webp' },
          }),
    events: { subscribe: (emit) => (emitters.push(emit), () => {}) },
    log: silentLogger,
  });
});
afterAll(() => harness.close());

const token = () => new URL(harness.url).searchParams.get('token') ?? '';

function connect(url: string, origin: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { origin });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

describe('web harness', () => {
  it('serves the page only with the secret, with the CSP and a session cookie', async () => {
    expect((await fetch(`${harness.origin}/`)).status).toBe(403);
    const page = await fetch(harness.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const port = new URL(harness.origin).port;
    expect(page.headers.get('set-cookie')).toMatch(
      new RegExp(`^hakobu_harness_${port}=.*HttpOnly; SameSite=Strict`),
    );
  });

  it('refuses a WebSocket without the secret or from another origin', async () => {
    const ws = harness.origin.replace('http', 'ws');
    await expect(connect(`${ws}/ws`, harness.origin)).rejects.toThrow('403');
    await expect(connect(`${ws}/ws?token=${token()}`, 'http://evil.example')).rejects.toThrow(
      '403',
    );
    await expect(connect(`${ws}/ws?token=wrong`, harness.origin)).rejects.toThrow('403');
  });

  it('answers contract calls and forwards events over the socket', async () => {
    const ws = await connect(
      `${harness.origin.replace('http', 'ws')}/ws?token=${token()}`,
      harness.origin,
    );
    const messages: unknown[] = [];
    ws.on('message', (data) => messages.push(JSON.parse(String(data))));
    ws.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'app.info', args: [] }));
    ws.send(JSON.stringify({ type: 'invoke', id: 2, channel: 'session.signIn', args: [{}] }));
    await expect.poll(() => messages.length).toBe(2);
    expect(messages).toContainEqual({
      type: 'result',
      id: 1,
      envelope: {
        ok: true,
        value: { version: '0.1.0', shell: 'web', platform: 'linux', locale: 'ja-JP' },
      },
    });
    expect(messages).toContainEqual(
      expect.objectContaining({ id: 2, envelope: expect.objectContaining({ ok: false }) }),
    );
    emitters.at(-1)?.('app.command', { command: 'openSettings' });
    await expect.poll(() => messages.length).toBe(3);
    expect(messages[2]).toEqual({
      type: 'event',
      event: 'app.command',
      payload: { command: 'openSettings' },
    });
    ws.close();
  });

  it('stages a file from a dropped folder and returns a handle for the folder, not its path', async () => {
    const res = await fetch(
      `${harness.origin}/stage?token=${token()}&name=${encodeURIComponent('旅行/day 1/富士山.jpg')}`,
      { method: 'PUT', body: 'jpeg-bytes', headers: { origin: harness.origin } },
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { handle: string };
    expect(Object.keys(body)).toEqual(['handle']);
    expect(body.handle).not.toContain(stagingDir);
    const [path = ''] = files.resolve([body.handle]);
    expect(relative(stagingDir, path).split('/').slice(1)).toEqual(['旅行']);
    expect(readFileSync(join(path, 'day 1', '富士山.jpg'), 'utf8')).toBe('jpeg-bytes');
  });

  it('stages the files of one drop into one folder, so the folder is enqueued once', async () => {
    const batch = 'b7c1d2e3-drop';
    const put = async (name: string) => {
      const res = await fetch(
        `${harness.origin}/stage?token=${token()}&batch=${batch}&name=${encodeURIComponent(name)}`,
        { method: 'PUT', body: name, headers: { origin: harness.origin } },
      );
      return ((await res.json()) as { handle: string }).handle;
    };
    const [a, b] = [await put('trip/a.jpg'), await put('trip/day 2/b.jpg')];
    expect(a).toBe(b);
    const [folder = ''] = files.resolve([b]);
    expect(readFileSync(join(folder, 'day 2', 'b.jpg'), 'utf8')).toBe('trip/day 2/b.jpg');
  });

  it('stages a whole drop in one batch request and answers with one handle per dropped item', async () => {
    const body = [
      batchHeader('trip/a.jpg', 1),
      'a',
      batchHeader('trip/day 2/b.jpg', 2),
      'bb',
      batchHeader('c.txt', 1),
      'c',
    ].join('');
    const url = `${harness.origin}/stage/batch?token=${token()}&batch=b8c9d0e1-drop`;
    const res = await fetch(url, { method: 'PUT', body, headers: { origin: harness.origin } });
    expect(res.status).toBe(200);
    const { handles } = (await res.json()) as { handles: string[] };
    expect(handles).toHaveLength(2);
    expect(handles.join()).not.toContain(stagingDir);
    const [folder = '', file = ''] = files.resolve(handles);
    expect(readFileSync(join(folder, 'day 2', 'b.jpg'), 'utf8')).toBe('bb');
    expect(readFileSync(file, 'utf8')).toBe('c');
    const bad = await fetch(url, {
      method: 'PUT',
      body: batchHeader('../escape.txt', 1) + 'x',
      headers: { origin: harness.origin },
    });
    expect(bad.status).toBe(400);
  });

  it.each(['../escape.txt', 'a/../../b', '/abs', 'a\\..\\b', ''])(
    'refuses to stage %j',
    async (name) => {
      const res = await fetch(
        `${harness.origin}/stage?token=${token()}&name=${encodeURIComponent(name)}`,
        { method: 'PUT', body: 'x', headers: { origin: harness.origin } },
      );
      expect(res.status).toBe(400);
    },
  );

  it('serves media through the same guard as the desktop protocol', async () => {
    const ok = await fetch(`${harness.origin}/media/thumb/demo/photos/a.jpg?token=${token()}`);
    expect(await ok.text()).toBe('media:photos/a.jpg');
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    const page = await fetch(`${harness.origin}/media/thumb/demo/page.html?token=${token()}`);
    expect(page.status).toBe(415);
    expect(page.headers.get('content-type')).not.toContain('html');
    const traversal = await fetch(
      `${harness.origin}/media/thumb/demo/%2e%2e/x.jpg?token=${token()}`,
    );
    expect(traversal.status).toBe(404);
    expect((await fetch(`${harness.origin}/media/thumb/demo/a.jpg`)).status).toBe(403);
  });
});
