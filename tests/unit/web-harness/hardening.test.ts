import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect as connectTcp } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ContractHandlers } from '../../../src-main/core/api/dispatch';
import { ChosenFiles } from '../../../src-main/core/files';
import { silentLogger } from '../../../src-main/core/log/logger';
import {
  MAX_FRAME_BYTES,
  startWebHarness,
  type RunningHarness,
} from '../../../src-main/web-harness/server';
import { createStagingDir } from '../../../src-main/web-harness/staging';

// Each of these once ended the harness process (or let a foreign page in); the harness runs in
// this test's own process, so a crash fails the file.
let harness: RunningHarness;
let stagingDir: string;

beforeAll(async () => {
  const rendererDir = mkdtempSync(join(tmpdir(), 'hakobu-harness-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Hakobu</title>');
  stagingDir = createStagingDir();
  const handlers = {
    'app.info': async () => ({ version: '0', shell: 'web', platform: 'linux', locale: 'en' }),
  } as unknown as ContractHandlers;
  harness = await startWebHarness({
    port: 0,
    rendererDir,
    stagingDir,
    files: new ChosenFiles({ within: stagingDir }),
    handlers,
    serveMedia: async () => new Response('media'),
    events: { subscribe: () => () => {} },
    log: silentLogger,
  });
});
afterAll(() => harness.close());

const token = () => new URL(harness.url).searchParams.get('token') ?? '';
const port = () => Number(new URL(harness.origin).port);
const socketUrl = () => `${harness.origin.replace('http', 'ws')}/ws?token=${token()}`;

/** Sends raw bytes and resolves with whatever the server answers before closing. */
function raw(bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connectTcp(port(), '127.0.0.1', () => socket.write(bytes));
    let answer = '';
    socket.on('data', (chunk) => (answer += String(chunk)));
    socket.on('close', () => resolve(answer));
    socket.on('error', () => resolve(answer));
    setTimeout(() => socket.destroy(), 2000);
  });
}

function upgradeStatus(headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port: port(),
      path: `/ws?token=${token()}`,
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        ...headers,
      },
    });
    req.on('upgrade', (res, socket) => (socket.destroy(), resolve(res.statusCode ?? 101)));
    req.on('response', (res) => resolve(res.statusCode ?? 0));
    req.on('error', reject);
    req.end();
  });
}

const stillServing = async () => expect((await fetch(harness.url)).status).toBe(200);

describe('harness hardening', () => {
  it('survives an upgrade request whose target is not a URL', async () => {
    await raw(
      'GET //[ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n' +
        'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    );
    await stillServing();
  });

  it('closes an authorized socket that sends an oversized frame with 1009, and keeps serving', async () => {
    const ws = new WebSocket(socketUrl(), { origin: harness.origin });
    await new Promise((resolve) => ws.once('open', resolve));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('x'.repeat(MAX_FRAME_BYTES + 1024 * 1024));
    expect(await closed).toBe(1009);
    await stillServing();
  });

  it('refuses an upgrade without an Origin, or naming another Host', async () => {
    expect(await upgradeStatus({})).toBe(403);
    expect(await upgradeStatus({ origin: harness.origin, host: `rebound.example:${port()}` })).toBe(
      403,
    );
    expect(await upgradeStatus({ origin: harness.origin })).toBe(101);
  });

  it('refuses to stage a file for a request without the harness Origin', async () => {
    const stage = `${harness.origin}/stage?token=${token()}&name=a.txt`;
    expect((await fetch(stage, { method: 'PUT', body: 'x' })).status).toBe(403);
    expect(
      (await fetch(stage, { method: 'PUT', body: 'x', headers: { origin: 'http://evil.example' } }))
        .status,
    ).toBe(403);
  });

  it('stages into a fresh private folder, never a predictable shared one', () => {
    const other = createStagingDir();
    // The 'exit' listener never runs in a test worker, so this one is removed here.
    rmSync(other, { recursive: true, force: true });
    expect(other).not.toBe(stagingDir);
    expect(statSync(stagingDir).mode & 0o777).toBe(0o700);
    expect(stagingDir).not.toContain(String(process.pid));
  });

  it('removes its staging folder when it closes', async () => {
    const dir = createStagingDir();
    const rendererDir = mkdtempSync(join(tmpdir(), 'hakobu-harness-renderer-'));
    const second = await startWebHarness({
      port: 0,
      rendererDir,
      stagingDir: dir,
      files: new ChosenFiles({ within: dir }),
      handlers: {} as ContractHandlers,
      serveMedia: async () => new Response(''),
      events: { subscribe: () => () => {} },
      log: silentLogger,
    });
    await second.close();
    expect(existsSync(dir)).toBe(false);
  });
});
