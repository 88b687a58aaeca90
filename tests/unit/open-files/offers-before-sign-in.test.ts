// Files opened with Hakobu before anyone signed in wait in main, not in the window, so nothing is
// lost: once signed in the window asks for them, and confirming uploads them to S3 (local-aws).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventChannels, EventName } from '../../../src-main/contract/channels';
import { createHakobuApp, type HakobuApp } from '../../../src-main/core/api/app';
import { dispatchInvoke } from '../../../src-main/core/api/dispatch';
import { silentLogger } from '../../../src-main/core/log/logger';
import { MemorySecretStore } from '../../../src-main/core/secrets';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';

let la: TestLocalAws;
let app: HakobuApp;
const userData = mkdtempSync(join(tmpdir(), 'hakobu-offers-app-'));
const events: { event: EventName; payload: unknown }[] = [];

async function call(channel: string, ...args: unknown[]): Promise<never> {
  const envelope = await dispatchInvoke(app.handlers, channel, args);
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as never;
}

beforeAll(async () => {
  la = await startTestLocalAws();
  app = createHakobuApp({
    shell: 'web',
    version: '0.1.0-test',
    locale: 'en-US',
    dirs: { userData, cache: join(userData, 'cache'), downloads: join(userData, 'downloads') },
    configPath: la.info.appConfig,
    env: {},
    secrets: new MemorySecretStore(),
    log: silentLogger,
  });
  app.subscribe(<E extends EventName>(event: E, payload: EventChannels[E]) =>
    events.push({ event, payload }),
  );
  await app.start();
});
afterAll(async () => {
  await app?.dispose();
  await la?.dispose();
  rmSync(userData, { recursive: true, force: true });
});

describe('a file opened with Hakobu while signed out', () => {
  it('waits through sign-in, then uploads once confirmed and is no longer offered', async () => {
    const file = join(userData, 'minutes.txt');
    writeFileSync(file, 'minutes of the meeting\n');
    await app.offers.offer([file]);
    expect(events.some((e) => e.event === 'files.offered')).toBe(true);

    await call('session.signIn', la.info.demoUser);
    const offer: EventChannels['files.offered'] = await call('files.offers');
    expect(offer.files.map((f) => f.name)).toEqual(['minutes.txt']);

    const handles = offer.files.map((f) => f.handle);
    await call('transfers.enqueue', { handles, location: 'hakobu-demo' });
    expect(await call('files.closeOffer', { handles })).toEqual({ files: [], skipped: 0 });

    const services = app.services();
    if (!services) throw new Error('not signed in');
    await expect.poll(() => services.transfers.totals().completed, { timeout: 60_000 }).toBe(1);
    // Read back from S3 (local-aws) the way the library downloads it.
    mkdirSync(join(userData, 'downloads'));
    const [item] = services.transfers.snapshot().items;
    if (!item) throw new Error('nothing was queued');
    const saved = await services.library.download({
      location: 'hakobu-demo',
      key: item.key,
      directory: join(userData, 'downloads'),
    });
    expect(readFileSync(saved ?? '', 'utf8')).toBe('minutes of the meeting\n');
    expect(await call('files.offers')).toEqual({ files: [], skipped: 0 });
  });
});
