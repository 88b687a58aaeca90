import { afterEach, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import type { HakobuConfig } from '../../../src-main/core/config';
import { MemorySecretStore, signInAccount } from '../../../src-main/core/secrets';
import { createAuthSession } from '../../../src-main/core/auth';
import { DEMO_PASSWORD, DEMO_USERNAME } from '../../../local-aws/setup/default-setup';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { configFor, poolUsername, requests, useStandInPerTest } from './fixtures';

// A refresh token goes back only to the pool, app client and endpoints it was stored for: when
// the config changes any of them, launch must not even read the old keychain entry.

/** A keychain that remembers which accounts were read. */
class WatchedKeychain extends MemorySecretStore {
  readonly reads: string[] = [];
  override async get(account: string): Promise<string | null> {
    this.reads.push(account);
    return super.get(account);
  }
}

const stand = useStandInPerTest();
let other: TestLocalAws | undefined;
afterEach(async () => {
  await other?.dispose();
  other = undefined;
});

/** Signs the demo user in under `config`, leaving the refresh token in `keychain`. */
async function signInUnder(config: HakobuConfig, keychain: WatchedKeychain) {
  const session = createAuthSession({ config, secrets: keychain });
  expect(await session.signIn(DEMO_USERNAME, DEMO_PASSWORD)).toMatchObject({ status: 'signedIn' });
  // Kept under Cognito's username: the UUID, since the demo pool signs in by email.
  const username = String(decodeJwt(await session.getIdToken())['cognito:username']);
  session.dispose();
  const account = signInAccount(config, username);
  expect(keychain.entries.get(account)).toContain('refreshToken');
  keychain.reads.length = 0;
  return account;
}

/** A launch under `config`: what it restored and which keychain accounts it read. */
async function launchUnder(config: HakobuConfig, keychain: WatchedKeychain) {
  const session = createAuthSession({ config, secrets: keychain });
  try {
    return await session.restore();
  } finally {
    session.dispose();
  }
}

describe('the keychain entry belongs to one pool, app client and endpoint', () => {
  it('restores the session when nothing changed (the same scope reads its own entry)', async () => {
    const la = await stand.start();
    const keychain = new WatchedKeychain();
    const account = await signInUnder(configFor(la), keychain);
    expect(await launchUnder(configFor(la), keychain)).toMatchObject({ status: 'signedIn' });
    expect(keychain.reads).toContain(account);
  });

  it('never reads or sends the stored refresh token once cognitoIdp names another endpoint', async () => {
    const la = await stand.start();
    const keychain = new WatchedKeychain();
    const account = await signInUnder(configFor(la), keychain);
    // Another server this computer can reach: it would log any refresh token sent to it.
    other = await startTestLocalAws();
    const moved = configFor(la, {
      endpoints: { ...configFor(la).endpoints, cognitoIdp: other.info.endpoint },
    });

    expect(await launchUnder(moved, keychain)).toMatchObject({ status: 'signedOut' });
    expect(keychain.reads).not.toContain(account);
    expect(requests(other)).toEqual([]);
  });

  it('never reads or sends the stored refresh token once the config names another app client', async () => {
    const la = await stand.start();
    const keychain = new WatchedKeychain();
    const account = await signInUnder(configFor(la), keychain);
    const before = requests(la).length;

    const otherClient = configFor(la, { clientId: 'zyxwvutsrq9876543210abcdef' });
    expect(await launchUnder(otherClient, keychain)).toMatchObject({ status: 'signedOut' });
    expect(keychain.reads).not.toContain(account);
    expect(requests(la)).toHaveLength(before);
  });

  it('drops the per-pool entry an earlier version kept, without ever sending it', async () => {
    const la = await stand.start();
    const keychain = new WatchedKeychain();
    const username = poolUsername(la, DEMO_USERNAME);
    const legacy = `${la.info.userPoolId}/${username}`;
    await keychain.set(legacy, JSON.stringify({ refreshToken: 'left-by-an-earlier-version' }));
    await keychain.set(`${la.info.userPoolId}#last-user`, username);

    expect(await launchUnder(configFor(la), keychain)).toMatchObject({ status: 'signedOut' });
    expect(keychain.reads).not.toContain(legacy);
    await signInUnder(configFor(la), keychain);
    expect(keychain.entries.has(legacy)).toBe(false);
  });
});
