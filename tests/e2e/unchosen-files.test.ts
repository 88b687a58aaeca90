import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { DEMO_PASSWORD, DEMO_USERNAME } from '../../local-aws/setup/default-setup';
import { startTestLocalAws, type TestLocalAws } from '../helpers/local-aws';
import { startHarness, type HarnessProcess } from './support/harness';

// The attack the audit ran: a page (or anything holding the harness's socket) enqueues a file
// the user never chose. The harness process here is the real one, against a real local-aws.
let la: TestLocalAws;
let harness: HarnessProcess;
let ws: WebSocket;
let nextId = 1;
const pending = new Map<number, (envelope: unknown) => void>();

function call(channel: string, ...args: unknown[]): Promise<unknown> {
  const id = nextId++;
  ws.send(JSON.stringify({ type: 'invoke', id, channel, args }));
  return new Promise((resolve) => pending.set(id, resolve));
}

beforeAll(async () => {
  la = await startTestLocalAws();
  harness = await startHarness({ configPath: la.info.appConfig, locale: 'en-US' });
  const page = new URL(harness.url);
  ws = new WebSocket(`${page.origin.replace('http', 'ws')}/ws${page.search}`, {
    origin: page.origin,
  });
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as { type: string; id: number; envelope: unknown };
    if (frame.type === 'result') pending.get(frame.id)?.(frame.envelope);
  });
  await new Promise((resolve) => ws.once('open', resolve));
  expect(
    await call('session.signIn', { username: DEMO_USERNAME, password: DEMO_PASSWORD }),
  ).toMatchObject({ ok: true });
});
afterAll(async () => {
  ws?.close();
  await harness?.stop();
  await la?.dispose();
});

describe('files the page never chose', () => {
  it('refuses paths, and handles main never gave, so nothing reaches S3', async () => {
    const secret = join(mkdtempSync(join(tmpdir(), 'hakobu-attack-')), 'id_rsa');
    writeFileSync(secret, '-----BEGIN OPENSSH PRIVATE KEY-----');
    for (const args of [
      { paths: ['/etc/hostname'] },
      { paths: [secret] },
      { handles: [secret] },
      { handles: ['\\\\attacker\\share\\x'] },
    ]) {
      expect(await call('transfers.enqueue', args)).toMatchObject({
        ok: false,
        error: { code: 'ipc.invalidArguments' },
      });
    }
    expect(
      await call('transfers.enqueue', { handles: ['fh_AAAAAAAAAAAAAAAAAAAAAA'] }),
    ).toMatchObject({
      ok: false,
      error: { code: 'upload.unknownFile' },
    });
    expect(await call('files.register', { paths: [secret] })).toMatchObject({
      ok: false,
      error: { code: 'ipc.unknownChannel' },
    });
    const snapshot = (await call('transfers.snapshot')) as { value: { items: unknown[] } };
    expect(snapshot.value.items).toEqual([]);
  });

  it('uploads a file the user dropped, by the handle staging gave', async () => {
    const page = new URL(harness.url);
    const staged = await fetch(
      `${page.origin}/stage${page.search}&name=${encodeURIComponent('メモ.txt')}`,
      { method: 'PUT', body: 'dropped on purpose', headers: { origin: page.origin } },
    );
    const { handle } = (await staged.json()) as { handle: string };
    const queued = (await call('transfers.enqueue', { handles: [handle] })) as {
      ok: boolean;
      value: { snapshot: { items: { name?: string; key: string }[] } };
    };
    expect(queued.ok).toBe(true);
    expect(queued.value.snapshot.items.map((item) => item.key.split('/').pop())).toEqual([
      'メモ.txt',
    ]);
  });
});
