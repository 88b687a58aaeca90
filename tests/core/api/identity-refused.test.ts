import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionView } from '../../../src-main/contract/views';
import { createHakobuApp, type HakobuApp } from '../../../src-main/core/api/app';
import { dispatchInvoke } from '../../../src-main/core/api/dispatch';
import { silentLogger } from '../../../src-main/core/log/logger';
import { MemorySecretStore } from '../../../src-main/core/secrets';
import { DEMO_PASSWORD, DEMO_USERNAME } from '../../../local-aws/setup/default-setup';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';

// The identity pool hands out an identity ID but, with no authenticated role, no credentials
// (pitfall S8). The session must say so at sign-in, instead of a library that fails later.
let la: TestLocalAws;
let app: HakobuApp;

beforeAll(async () => {
  la = await startTestLocalAws((base) => ({
    ...base,
    identityPools: base.identityPools.map((pool) => ({ ...pool, roles: {} })),
  }));
  const userData = mkdtempSync(join(tmpdir(), 'hakobu-app-'));
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
  await app.start();
});
afterAll(async () => {
  await app?.dispose();
  await la?.dispose();
});

describe('an identity pool that gives no credentials', () => {
  it('signs in, but the session names the refusal and has no identity to upload under', async () => {
    const signIn = await dispatchInvoke(app.handlers, 'session.signIn', [
      { username: DEMO_USERNAME, password: DEMO_PASSWORD },
    ]);
    expect(signIn.ok).toBe(true);
    const view = (signIn.ok ? signIn.value : undefined) as SessionView;
    expect(view).toMatchObject({ status: 'signedIn', error: { code: 'identity.noUsableRole' } });
    expect(view).not.toHaveProperty('identityId');
    if (view.status === 'signedIn') expect(view.error?.message).toMatch(/authenticated role/);
  });

  it('keeps saying so when the window asks again', async () => {
    const again = await dispatchInvoke(app.handlers, 'session.get', []);
    expect(again).toMatchObject({
      ok: true,
      value: { status: 'signedIn', error: { code: 'identity.noUsableRole' } },
    });
  });
});
