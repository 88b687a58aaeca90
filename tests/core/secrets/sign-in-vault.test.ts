import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  KeytarSecretStore,
  lastUserAccount,
  signInAccount,
  signInNameAccount,
  SignInVault,
  type SignInScope,
  type StoredSignIn,
} from '../../../src-main/core/secrets';

// A real keychain (gnome-keyring through keytar), so what a relaunch would find is what is checked.
const store = new KeytarSecretStore();
/** A scope of its own per test: a fresh pool, a client and the AWS endpoints. */
const newPool = (): SignInScope => ({
  userPoolId: `ap-northeast-1_${randomUUID().replaceAll('-', '').slice(0, 9)}`,
  clientId: 'abcdefghij0123456789klmnop',
  endpoints: {},
});
// Cognito refresh tokens are JWEs of about 1,800 characters.
const refreshToken = () =>
  `eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ.${randomBytes(1320).toString('base64url')}`;
const device = {
  deviceKey: `ap-northeast-1_${randomUUID()}`,
  deviceGroupKey: '-ab12CdEf',
  randomPassword: randomBytes(30).toString('base64'),
};

describe('remembering sign-ins in the keychain', () => {
  it('restores the last user of a pool after a relaunch (a new store and vault)', async () => {
    const pool = newPool();
    const signIn: StoredSignIn = { refreshToken: refreshToken(), device };
    expect(await new SignInVault(store).save(pool, 'alice@example.com', signIn)).toEqual({
      ok: true,
    });
    const relaunched = new SignInVault(new KeytarSecretStore());
    expect(await relaunched.restoreLast(pool)).toEqual({
      username: 'alice@example.com',
      signInName: 'alice@example.com',
      signIn,
    });
  });

  it('keeps an email-pool sign-in under the UUID username, and the email to show', async () => {
    const pool = newPool();
    const uuid = randomUUID();
    const signIn: StoredSignIn = { refreshToken: refreshToken() };
    await new SignInVault(store).save(pool, uuid, signIn, 'dana@example.com');
    const relaunched = new SignInVault(new KeytarSecretStore());
    expect(await relaunched.restoreLast(pool)).toEqual({
      username: uuid,
      signInName: 'dana@example.com',
      signIn,
    });
    // After sign-out the form is still offered the email, never the UUID; forgetting it all clears both.
    await relaunched.forget(pool, uuid);
    expect(await relaunched.restoreLast(pool)).toBeNull();
    expect(await relaunched.signInName(pool, uuid)).toBe('dana@example.com');
    await relaunched.forget(pool, uuid, true);
    expect(await relaunched.lastUsername(pool)).toBeNull();
    expect(await store.get(signInNameAccount(pool, uuid))).toBeNull();
  });

  it('moves the last-user pointer to whoever signed in most recently, keeping each token', async () => {
    const pool = newPool();
    const vault = new SignInVault(store);
    const alice = { refreshToken: refreshToken() };
    const bob = { refreshToken: refreshToken() };
    await vault.save(pool, 'alice', alice);
    await vault.save(pool, 'bob', bob);
    expect(await vault.lastUsername(pool)).toBe('bob');
    expect((await vault.restoreLast(pool))?.signIn).toEqual(bob);
    expect(await vault.load(pool, 'alice')).toEqual(alice);
    // Pools do not share pointers.
    expect(await vault.lastUsername(newPool())).toBeNull();
  });

  it('stores only the refresh token and device secrets, under pool/client/endpoints/user accounts', async () => {
    const pool = newPool();
    const signIn = { refreshToken: refreshToken(), device };
    await new SignInVault(store).save(pool, 'carol', signIn);
    expect(JSON.parse((await store.get(signInAccount(pool, 'carol'))) ?? 'null')).toEqual(signIn);
    expect(await store.get(lastUserAccount(pool))).toBe('carol');
  });

  it('refuses, loudly, anything but the refresh token and device secrets', async () => {
    const pool = newPool();
    const withAccessToken = { refreshToken: refreshToken(), accessToken: 'eyJ...' } as StoredSignIn;
    await expect(new SignInVault(store).save(pool, 'dave', withAccessToken)).rejects.toThrow();
    expect(await store.get(signInAccount(pool, 'dave'))).toBeNull();
  });

  it('does not move the pointer when the token is too large to keep', async () => {
    const pool = newPool();
    const vault = new SignInVault(store);
    await vault.save(pool, 'erin', { refreshToken: refreshToken() });
    const result = await vault.save(pool, 'frank', { refreshToken: 'x'.repeat(3000) });
    expect(result).toMatchObject({ ok: false, code: 'SECRET_TOO_LARGE' });
    expect(await vault.lastUsername(pool)).toBe('erin');
    expect(await vault.load(pool, 'frank')).toBeNull();
  });

  it('forgets the token on sign-out but still knows the username to prefill', async () => {
    const pool = newPool();
    const vault = new SignInVault(store);
    await vault.save(pool, 'grace', { refreshToken: refreshToken() });
    await vault.forget(pool, 'grace');
    expect(await vault.load(pool, 'grace')).toBeNull();
    expect(await vault.restoreLast(pool)).toBeNull();
    expect(await vault.lastUsername(pool)).toBe('grace');
    await vault.forget(pool, 'grace', true);
    expect(await vault.lastUsername(pool)).toBeNull();
  });

  it('treats a keychain entry it did not write as no sign-in', async () => {
    const pool = newPool();
    const vault = new SignInVault(store);
    await vault.save(pool, 'heidi', { refreshToken: refreshToken() });
    await store.set(signInAccount(pool, 'heidi'), 'not json');
    expect(await vault.restoreLast(pool)).toBeNull();
    await store.set(signInAccount(pool, 'heidi'), '{"refreshToken":""}');
    expect(await vault.load(pool, 'heidi')).toBeNull();
  });
});
