import { describe, expect, it } from 'vitest';
import type { AuthState } from '../../../src-main/core/auth';
import { MemorySecretStore, signInAccount } from '../../../src-main/core/secrets';
import { DEMO_PASSWORD, DEMO_USERNAME } from '../../../local-aws/setup/default-setup';
import type { TestLocalAws } from '../../helpers/local-aws';
import {
  configFor,
  countOf,
  poolUsername,
  requests,
  sleep,
  useStandInPerTest,
  withClient,
} from './fixtures';

// Token lifetimes are shortened at the stand-in, then the tests really wait them out.
const TOKEN_SECONDS = 2;
const PAST_EXPIRY_MS = TOKEN_SECONDS * 1000 + 200;

const stand = useStandInPerTest();

const launch = (secrets = new MemorySecretStore()) => stand.session({ secrets });

const refreshes = (running: TestLocalAws) =>
  requests(running).filter(
    (r) => r.action === 'InitiateAuth' || r.action === 'GetTokensFromRefreshToken',
  ).length;

const stored = (store: MemorySecretStore) => {
  const username = poolUsername(stand.la, DEMO_USERNAME);
  const raw = store.entries.get(signInAccount(configFor(stand.la), username));
  return raw ? (JSON.parse(raw) as { refreshToken: string }).refreshToken : undefined;
};

describe('token lifetime', () => {
  it('refreshes the ID token before handing out an expired one, once for many callers', async () => {
    const la = await stand.start();
    await la.setFaults({ tokenLifetimeSeconds: TOKEN_SECONDS });
    const session = launch();
    await session.signIn(DEMO_USERNAME, DEMO_PASSWORD);
    const first = await session.getIdToken();
    await sleep(PAST_EXPIRY_MS);

    const before = refreshes(la);
    const tokens = await Promise.all(Array.from({ length: 20 }, () => session.getIdToken()));

    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).not.toBe(first);
    const exp = JSON.parse(Buffer.from(tokens[0]?.split('.')[1] ?? '', 'base64url').toString())
      .exp as number;
    expect(exp * 1000).toBeGreaterThan(Date.now());
    expect(refreshes(la) - before).toBe(1);
    expect(session.state.status).toBe('signedIn');
  });

  it('ends a session revoked elsewhere calmly, asking to sign in again, without retrying', async () => {
    const la = await stand.start();
    await la.setFaults({ tokenLifetimeSeconds: TOKEN_SECONDS });
    const store = new MemorySecretStore();
    const session = launch(store);
    const seen: AuthState[] = [];
    session.onChange((state) => seen.push(state));
    await session.signIn(DEMO_USERNAME, DEMO_PASSWORD);
    // The same user signs out everywhere from another machine.
    const elsewhere = launch(new MemorySecretStore());
    await elsewhere.signIn(DEMO_USERNAME, DEMO_PASSWORD);
    await elsewhere.signOut();
    await sleep(PAST_EXPIRY_MS);

    const before = refreshes(la);
    const error = await session.getIdToken().catch((e: unknown) => e);
    for (let i = 0; i < 5; i += 1) {
      await expect(session.getIdToken()).rejects.toMatchObject({ code: 'auth.sessionExpired' });
    }

    expect(error).toMatchObject({ code: 'auth.sessionExpired' });
    expect((error as Error).message).toMatch(/please sign in again/i);
    expect(refreshes(la) - before).toBe(1);
    expect(session.state).toMatchObject({
      status: 'expired',
      username: DEMO_USERNAME,
      error: { code: 'auth.sessionExpired' },
    });
    expect(seen.at(-1)?.status).toBe('expired');
    expect(stored(store)).toBeUndefined();

    // Signing in again is all it takes.
    expect(await session.signIn(DEMO_USERNAME, DEMO_PASSWORD)).toMatchObject({
      status: 'signedIn',
    });
  });

  it('at launch, turns a revoked remembered sign-in into "please sign in again" after one try', async () => {
    const la = await stand.start();
    const store = new MemorySecretStore();
    await launch(store).signIn(DEMO_USERNAME, DEMO_PASSWORD);
    const elsewhere = launch(new MemorySecretStore());
    await elsewhere.signIn(DEMO_USERNAME, DEMO_PASSWORD);
    await elsewhere.signOut();

    const before = refreshes(la);
    const state = await launch(store).restore();

    expect(state).toMatchObject({
      status: 'expired',
      username: DEMO_USERNAME,
      error: { code: 'auth.sessionExpired' },
    });
    expect(refreshes(la) - before).toBe(1);
    expect(stored(store)).toBeUndefined();
  });

  it('at launch while offline, stays signed out but keeps the remembered sign-in', async () => {
    const la = await stand.start();
    const store = new MemorySecretStore();
    await launch(store).signIn(DEMO_USERNAME, DEMO_PASSWORD);
    const kept = stored(store);
    await la.close();

    expect(await launch(store).restore()).toMatchObject({
      status: 'signedOut',
      lastUsername: DEMO_USERNAME,
      error: { code: 'auth.networkUnreachable' },
    });
    expect(stored(store)).toBe(kept);
  });

  it('uses GetTokensFromRefreshToken on a rotating client and keeps the new refresh token', async () => {
    const la = await stand.start(withClient({ refreshTokenRotation: true }));
    await la.setFaults({ tokenLifetimeSeconds: TOKEN_SECONDS });
    const store = new MemorySecretStore();
    const session = launch(store);
    await session.signIn(DEMO_USERNAME, DEMO_PASSWORD);
    const original = stored(store);
    await sleep(PAST_EXPIRY_MS);

    await session.getIdToken();
    const rotated = stored(store);
    expect(rotated).toBeDefined();
    expect(rotated).not.toBe(original);
    expect(countOf(la, 'GetTokensFromRefreshToken')).toBe(1);

    // Once known, the rotating flow is used directly; the newest token is always the one kept.
    const classicBefore = countOf(la, 'InitiateAuth');
    await sleep(PAST_EXPIRY_MS);
    await session.getIdToken();
    expect(countOf(la, 'InitiateAuth')).toBe(classicBefore);
    expect(stored(store)).not.toBe(rotated);
    expect(await launch(store).restore()).toMatchObject({ status: 'signedIn' });
  });
});
