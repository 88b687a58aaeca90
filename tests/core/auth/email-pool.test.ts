import { randomUUID } from 'node:crypto';
import { AdminUserGlobalSignOutCommand } from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import keytar from 'keytar';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERNAME } from '../../../local-aws/setup/default-setup';
import { KeytarSecretStore, signInAccount, type SecretStore } from '../../../src-main/core/secrets';
import { idpClient } from '../../local-aws/cognito-idp/support';
import { configFor, countOf, poolUsername, sleep, useStandInPerTest, withPool } from './fixtures';

// Hakobu against a pool where people sign in by email and Cognito knows them by a UUID: what the
// user sees stays their email, while the keychain, restore and refresh go by the UUID.
const emailPool = (clientFlows?: string[]) =>
  withPool((pool) => ({
    usernameAttributes: ['email'],
    ...(clientFlows
      ? { clients: pool.clients.map((c) => ({ ...c, explicitAuthFlows: clientFlows })) }
      : {}),
  }));

let service = '';
const stand = useStandInPerTest();
afterEach(async () => {
  for (const entry of await keytar.findCredentials(service)) {
    await keytar.deletePassword(service, entry.account);
  }
});

/** A session as a fresh launch of the app builds it, over the real keychain. */
function launch(secrets: SecretStore = new KeytarSecretStore({ service })) {
  return stand.session({ secrets });
}

const keptUnder = (username: string, config = configFor(stand.la)) =>
  keytar.getPassword(service, signInAccount(config, username));

describe('a pool that signs in by email', () => {
  it('signs in by email, keeps the sign-in under the UUID, and restores showing the email', async () => {
    service = `hakobu-test-${randomUUID()}`;
    const la = await stand.start(emailPool());
    const uuid = poolUsername(la, DEMO_USERNAME);
    expect(uuid).not.toBe(DEMO_USERNAME);

    const first = launch();
    await first.restore();
    expect(await first.signIn(DEMO_USERNAME, DEMO_PASSWORD)).toMatchObject({
      status: 'signedIn',
      username: DEMO_USERNAME,
    });
    expect(decodeJwt(await first.getIdToken())['cognito:username']).toBe(uuid);
    expect(await keptUnder(uuid)).toMatch(/refreshToken/);
    expect(await keptUnder(DEMO_USERNAME)).toBeNull();

    const signIns = countOf(la, 'RespondToAuthChallenge');
    const second = launch();
    expect(await second.restore()).toMatchObject({ status: 'signedIn', username: DEMO_USERNAME });
    expect(decodeJwt(await second.getIdToken()).email).toBe(DEMO_USERNAME);
    expect(countOf(la, 'RespondToAuthChallenge')).toBe(signIns); // no password asked
  });

  it('refreshes an expired session of a restored email user, still shown by email', async () => {
    service = `hakobu-test-${randomUUID()}`;
    const la = await stand.start(emailPool());
    await la.setFaults({ tokenLifetimeSeconds: 2 });
    await launch().signIn(DEMO_USERNAME, DEMO_PASSWORD);
    const restored = launch();
    await restored.restore();
    const before = await restored.getIdToken();
    await sleep(2_500);

    const refreshes = countOf(la, 'InitiateAuth');
    const after = await restored.getIdToken();
    expect(after).not.toBe(before);
    expect(countOf(la, 'InitiateAuth')).toBe(refreshes + 1);
    expect(decodeJwt(after)['cognito:username']).toBe(poolUsername(la, DEMO_USERNAME));
    expect(restored.state).toMatchObject({ status: 'signedIn', username: DEMO_USERNAME });
  });

  it('offers the email, never the UUID, after sign-out and after a dead session', async () => {
    service = `hakobu-test-${randomUUID()}`;
    const la = await stand.start(emailPool());
    const session = launch();
    await session.signIn(DEMO_USERNAME, DEMO_PASSWORD);
    expect(await session.signOut()).toMatchObject({
      status: 'signedOut',
      lastUsername: DEMO_USERNAME,
    });
    expect(await keptUnder(poolUsername(la, DEMO_USERNAME))).toBeNull();
    expect(await launch().restore()).toMatchObject({
      status: 'signedOut',
      lastUsername: DEMO_USERNAME,
    });

    await launch().signIn(DEMO_USERNAME, DEMO_PASSWORD);
    // An administrator signs the user out everywhere: the kept refresh token is dead.
    await idpClient(la).send(
      new AdminUserGlobalSignOutCommand({
        UserPoolId: la.info.userPoolId,
        Username: DEMO_USERNAME,
      }),
    );
    expect(await launch().restore()).toMatchObject({ status: 'expired', username: DEMO_USERNAME });
    expect(await keptUnder(poolUsername(la, DEMO_USERNAME))).toBeNull();
  });

  it('signs in by email with USER_PASSWORD_AUTH too, and restores that sign-in', async () => {
    service = `hakobu-test-${randomUUID()}`;
    const la = await stand.start(
      emailPool(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']),
    );
    const config = configFor(la, { authFlow: 'USER_PASSWORD_AUTH' });
    const secrets = new KeytarSecretStore({ service });
    const first = stand.session({ config, secrets });
    expect(await first.signIn(DEMO_USERNAME, DEMO_PASSWORD)).toMatchObject({
      status: 'signedIn',
      username: DEMO_USERNAME,
    });
    expect(await keptUnder(poolUsername(la, DEMO_USERNAME), config)).toMatch(/refreshToken/);
    const second = stand.session({ config, secrets });
    expect(await second.restore()).toMatchObject({ status: 'signedIn', username: DEMO_USERNAME });
  });
});
