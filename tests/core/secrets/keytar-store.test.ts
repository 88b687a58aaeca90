import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  KeytarSecretStore,
  MAX_SECRET_BYTES,
  SESSION_ONLY_MESSAGE,
} from '../../../src-main/core/secrets';

// These run against the real keytar and a real gnome-keyring (see scripts/with-keyring.sh).
const store = new KeytarSecretStore();
const account = () => `ap-northeast-1_Test${randomUUID().slice(0, 8)}/user@example.com`;

describe('the keytar secret store on a machine with a Secret Service', () => {
  it('reports the keychain as available', async () => {
    expect(await store.available()).toBe(true);
    expect(await store.status()).toEqual({ mode: 'keychain', backend: 'Secret Service' });
  });

  it('stores, reads back, replaces and deletes a secret', async () => {
    const name = account();
    expect(await store.get(name)).toBeNull();
    expect(await store.set(name, 'first-refresh-token')).toEqual({ ok: true });
    expect(await store.get(name)).toBe('first-refresh-token');
    expect(await store.set(name, 'second-refresh-token')).toEqual({ ok: true });
    expect(await new KeytarSecretStore().get(name)).toBe('second-refresh-token');
    expect(await store.delete(name)).toBe(true);
    expect(await store.get(name)).toBeNull();
    expect(await store.delete(name)).toBe(false);
  });

  it('keeps secrets apart per service name', async () => {
    const name = account();
    const other = new KeytarSecretStore({ service: 'Hakobu-other' });
    await store.set(name, 'hakobu');
    expect(await other.get(name)).toBeNull();
    await store.delete(name);
  });

  it(`stores a secret of exactly ${MAX_SECRET_BYTES} bytes intact`, async () => {
    const name = account();
    const secret = 'r'.repeat(MAX_SECRET_BYTES);
    expect(await store.set(name, secret)).toEqual({ ok: true });
    expect(await store.get(name)).toBe(secret);
    await store.delete(name);
  });

  it('refuses a larger secret instead of truncating it, and leaves the stored one alone', async () => {
    const name = account();
    await store.set(name, 'still-valid-token');
    const result = await store.set(name, 'r'.repeat(MAX_SECRET_BYTES + 1));
    expect(result).toMatchObject({
      ok: false,
      code: 'SECRET_TOO_LARGE',
      params: { bytes: MAX_SECRET_BYTES + 1, limit: MAX_SECRET_BYTES },
    });
    if (!result.ok) expect(result.message).toContain('it was not saved');
    expect(await store.get(name)).toBe('still-valid-token');
    await store.delete(name);
  });

  it('counts bytes, not characters: 1,000 Japanese characters are 3,000 bytes', async () => {
    const name = account();
    const result = await store.set(name, 'あ'.repeat(1000));
    expect(result).toMatchObject({ ok: false, code: 'SECRET_TOO_LARGE', params: { bytes: 3000 } });
    expect(await store.get(name)).toBeNull();
  });

  it('runs session-only, with the plain message, when the native module cannot load', async () => {
    const broken = new KeytarSecretStore({
      loadKeytar: () => Promise.reject(new Error('keytar.node: wrong ELF class')),
    });
    expect(await broken.available()).toBe(false);
    expect(await broken.status()).toMatchObject({
      mode: 'session-only',
      code: 'KEYCHAIN_MODULE_UNAVAILABLE',
      message: SESSION_ONLY_MESSAGE,
      detail: 'keytar.node: wrong ELF class',
    });
    const name = account();
    expect(await broken.set(name, 'token')).toMatchObject({
      ok: false,
      code: 'KEYCHAIN_UNAVAILABLE',
    });
    expect(await broken.get(name)).toBeNull();
    // Nothing went to the real keychain (or anywhere else) instead.
    expect(await store.get(name)).toBeNull();
  });
});

describe('a keychain call that never returns', () => {
  it('is abandoned after the timeout, and the store stops waiting on the keychain', async () => {
    const real = await import('keytar');
    let calls = 0;
    const stuck = new KeytarSecretStore({
      timeoutMs: 200,
      env: {},
      loadKeytar: async () => ({
        ...(real.default ?? real),
        getPassword: () => {
          calls += 1;
          return new Promise<string | null>(() => undefined);
        },
      }),
    });
    expect(await stuck.available()).toBe(true);
    expect(await stuck.get(account())).toBeNull();
    expect(await stuck.status()).toMatchObject({
      mode: 'session-only',
      code: 'KEYCHAIN_TIMED_OUT',
      message: SESSION_ONLY_MESSAGE,
    });
    expect(await stuck.get(account())).toBeNull();
    expect(calls).toBe(1);
  });
});
