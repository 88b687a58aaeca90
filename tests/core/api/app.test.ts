import { mkdtempSync, writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventChannels, EventName } from '../../../src-main/contract/channels';
import {
  createHakobuApp,
  type HakobuApp,
  type HakobuAppOptions,
} from '../../../src-main/core/api/app';
import { dispatchInvoke } from '../../../src-main/core/api/dispatch';
import { silentLogger } from '../../../src-main/core/log/logger';
import { MemorySecretStore } from '../../../src-main/core/secrets';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';

let la: TestLocalAws;
const keychain = new MemorySecretStore();
const apps: HakobuApp[] = [];

function newApp(
  userData = mkdtempSync(join(tmpdir(), 'hakobu-app-')),
  extra: Partial<HakobuAppOptions> = {},
) {
  const app = createHakobuApp({
    shell: 'web',
    version: '0.1.0-test',
    locale: 'ja-JP',
    dirs: { userData, cache: join(userData, 'cache'), downloads: join(userData, 'downloads') },
    configPath: la.info.appConfig,
    env: {},
    secrets: keychain,
    log: silentLogger,
    ...extra,
  });
  apps.push(app);
  return app;
}

/** Calls a channel exactly as the renderer would, through validation and the envelope. */
async function call(app: HakobuApp, channel: string, ...args: unknown[]) {
  const envelope = await dispatchInvoke(app.handlers, channel, args);
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as never;
}

beforeAll(async () => {
  la = await startTestLocalAws();
});
afterAll(async () => {
  for (const app of apps) await app.dispose();
  await la.dispose();
});

describe('files the renderer may upload', () => {
  it('refuses an enqueue that names a path, or a handle main never gave, and uploads nothing', async () => {
    const app = newApp();
    await app.start();
    await call(app, 'session.signIn', la.info.demoUser);
    const secret = join(mkdtempSync(join(tmpdir(), 'hakobu-unchosen-')), 'id_rsa');
    writeFileSync(secret, 'PRIVATE KEY');
    for (const args of [
      { paths: [secret] },
      { handles: [secret] },
      { handles: ['/etc/hostname'] },
    ]) {
      const refused = await dispatchInvoke(app.handlers, 'transfers.enqueue', [args]);
      expect(refused).toMatchObject({ ok: false, error: { code: 'ipc.invalidArguments' } });
    }
    const forged = await dispatchInvoke(app.handlers, 'transfers.enqueue', [
      { handles: ['fh_AAAAAAAAAAAAAAAAAAAAAA'] },
    ]);
    expect(forged).toMatchObject({ ok: false, error: { code: 'upload.unknownFile' } });
    // The preload's channel is not part of what the page may call.
    const register = await dispatchInvoke(app.handlers, 'files.register', [{ paths: [secret] }]);
    expect(register).toMatchObject({ ok: false, error: { code: 'ipc.unknownChannel' } });
    expect(app.services()?.transfers.snapshot().items).toEqual([]);
    await call(app, 'session.signOut');
  });

  it('tells the renderer how many links out of a dropped folder were skipped', async () => {
    const app = newApp();
    await app.start();
    await call(app, 'session.signIn', la.info.demoUser);
    const outside = mkdtempSync(join(tmpdir(), 'hakobu-home-'));
    writeFileSync(join(outside, 'id_rsa'), 'PRIVATE KEY');
    const drop = join(mkdtempSync(join(tmpdir(), 'hakobu-drop-')), 'unpacked');
    mkdirSync(drop);
    writeFileSync(join(drop, 'photo.txt'), 'mine');
    symlinkSync(join(outside, 'id_rsa'), join(drop, 'key'));
    symlinkSync(outside, join(drop, 'home'));
    const [chosen] = app.files.register([drop]);
    const result = (await call(app, 'transfers.enqueue', { handles: [chosen?.handle] })) as {
      skippedLinks: number;
      snapshot: { items: { key: string }[] };
    };
    expect(result.skippedLinks).toBe(2);
    expect(result.snapshot.items.map((item) => item.key.split('/').slice(1).join('/'))).toEqual([
      'unpacked/photo.txt',
    ]);
    await app.services()?.transfers.whenIdle();
    await call(app, 'session.signOut');
  });
});

describe("IT's managed file in an installed app", () => {
  it('ignores HAKOBU_MANAGED_CONFIG when the shell says it is installed', async () => {
    const managed = join(mkdtempSync(join(tmpdir(), 'hakobu-managed-')), 'config.json');
    writeFileSync(managed, '{ not json');
    const env = { HAKOBU_MANAGED_CONFIG: managed };
    const fromSource = newApp(undefined, { env });
    expect(await fromSource.start()).toMatchObject({ error: { code: 'config.invalid' } });
    const installed = newApp(undefined, { env, allowManagedOverride: false });
    const view = await installed.start();
    expect(view).toMatchObject({ status: 'signedOut' });
    expect(JSON.stringify(view)).not.toContain(managed);
  });
});

describe('the app behind the contract', () => {
  it('signs in, uploads a dropped folder, shows it in the library and restores the session', async () => {
    const app = newApp();
    const events: { event: EventName; payload: EventChannels[EventName] }[] = [];
    app.subscribe((event, payload) => events.push({ event, payload }));
    expect(await app.start()).toMatchObject({ status: 'signedOut' });

    const wrong = await dispatchInvoke(app.handlers, 'session.signIn', [
      { username: la.info.demoUser?.username, password: 'not-the-password' },
    ]);
    expect(wrong).toMatchObject({ ok: false });

    const session = await call(app, 'session.signIn', la.info.demoUser);
    expect(session).toMatchObject({ status: 'signedIn', username: la.info.demoUser?.username });
    const identityId = (session as { identityId: string }).identityId;
    expect(identityId).toMatch(/^ap-northeast-1:[0-9a-f-]{36}$/);

    const locations = (await call(app, 'library.locations')) as { prefix: string }[];
    expect(locations[0]?.prefix).toBe(`${identityId}/`);

    const drop = mkdtempSync(join(tmpdir(), 'hakobu-drop-'));
    mkdirSync(join(drop, '旅行'));
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a7' } })
      .png()
      .toBuffer();
    writeFileSync(join(drop, '旅行', 'sea.png'), png);
    writeFileSync(join(drop, '旅行', 'notes.txt'), 'hello');
    const chosen = app.files.register([join(drop, '旅行')]);
    await call(app, 'transfers.enqueue', { handles: chosen.map((c) => c.handle) });
    await app.services()?.transfers.whenIdle();
    const snapshot = (await call(app, 'transfers.snapshot')) as {
      items: { key: string; state: string }[];
    };
    expect(snapshot.items.map((i) => [i.key, i.state]).sort()).toEqual([
      [`${identityId}/旅行/notes.txt`, 'completed'],
      [`${identityId}/旅行/sea.png`, 'completed'],
    ]);
    expect(events.filter((e) => e.event === 'library.objectAdded')).toHaveLength(2);

    const page = (await call(app, 'library.list', { location: 'hakobu-demo', path: '旅行/' })) as {
      objects: { name: string; isImage: boolean; thumbnailUrl?: string }[];
    };
    const image = page.objects.find((o) => o.name === 'sea.png');
    expect(image?.isImage).toBe(true);
    expect(image?.thumbnailUrl).toMatch(/^hakobu-media:\/\/thumb\//);
    const { parseMediaUrl } = await import('../../../src-main/core/library/media-url');
    const parsed = parseMediaUrl(image?.thumbnailUrl ?? '');
    if (!parsed.ok) throw new Error(parsed.reason);
    const thumb = await app.media(parsed.request);
    expect(thumb.headers.get('content-type')).toBe('image/webp');

    const doctor = (await call(app, 'doctor.run')) as {
      ok: boolean;
      steps: { id: string; status: string }[];
    };
    expect(doctor.steps.find((s) => s.id === 'prefix:hakobu-demo')?.status).toBe('ok');
    expect(doctor.ok).toBe(true);

    // A second launch restores the session from the keychain, silently.
    const relaunched = newApp();
    expect(await relaunched.start()).toMatchObject({ status: 'signedIn', identityId });

    expect(await call(relaunched, 'session.signOut')).toMatchObject({ status: 'signedOut' });
    expect((await relaunched.media(parsed.request)).status).toBe(401);
  });

  it('explains a configuration that does not load instead of failing to start', async () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'hakobu-bad-config-')), 'config.json');
    writeFileSync(bad, JSON.stringify({ region: 'us-east-1', userPoolId: 'ap-northeast-1_AbC' }));
    const userData = mkdtempSync(join(tmpdir(), 'hakobu-app-'));
    const app = createHakobuApp({
      shell: 'web',
      version: 't',
      locale: 'en-US',
      dirs: { userData, cache: userData, downloads: userData },
      configPath: bad,
      env: {},
      secrets: keychain,
      log: silentLogger,
    });
    apps.push(app);
    const view = await app.start();
    expect(view).toMatchObject({ status: 'signedOut', error: { code: 'config.invalid' } });
    const signIn = await dispatchInvoke(app.handlers, 'session.signIn', [
      { username: 'a', password: 'b' },
    ]);
    expect(signIn).toMatchObject({ ok: false, error: { code: 'config.invalid' } });
    expect(JSON.stringify(signIn)).toContain(bad);
  });
});

describe('opening the library', () => {
  it('starts the thumbnail helpers as the window asks for the locations, before any image', async () => {
    const warmed: string[] = [];
    const app = newApp(undefined, {
      thumbnailRenderer: {
        render: () => Promise.reject(new Error('no image was asked for')),
        close: async () => undefined,
        warmUp: () => void warmed.push('warmUp'),
      },
    });
    await app.start();
    await call(app, 'session.signIn', la.info.demoUser);
    expect(warmed).toEqual([]);
    await call(app, 'library.locations');
    expect(warmed).toEqual(['warmUp']);
  });
});
