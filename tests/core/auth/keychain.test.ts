import { randomUUID } from 'node:crypto';
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import keytar from 'keytar';
import { afterEach, describe, expect, it } from 'vitest';
import {
  KeytarSecretStore,
  MemorySecretStore,
  signInAccount,
  type SecretStore,
} from '../../../src-main/core/secrets';
import { DEMO_PASSWORD, DEMO_USERNAME } from '../../../local-aws/setup/default-setup';
import { configFor, countOf, poolUsername, useStandInPerTest } from './fixtures';

// Each test has its own keychain service, so runs never see each other's entries.
let service = '';
const stand = useStandInPerTest();
afterEach(async () => {
  for (const entry of await keytar.findCredentials(service)) {
    await keytar.deletePassword(service, entry.account);
  }
});

/** A session as a fresh launch of the app would build it: a new object over the real keychain. */
function launch(secrets: SecretStore | undefined = new KeytarSecretStore({ service })) {
  return stand.session(secrets ? { secrets } : {});
}

const storedSignIn = async () => {
  // Under Cognito's username: the UUID, since the demo pool signs in by email.
  const username = poolUsername(stand.la, DEMO_USERNAME);
  return keytar.getPassword(service, signInAccount(configFor(stand.la), username));
};

describe('remembered sign-in (real keychain)', () => {
  it('keeps only the refresh token, and restores the session silently at the next launch', async () => {
    service = `hakobu-test-${randomUUID()}`;
    const la = await stand.start();
    const first = launch();
    await first.restore();
    expect(await first.signIn(DEMO_USERNAME, DEMO_PASSWORD)).toMatchObject({
      status: 'signedIn',
      keychain: 'available',
    });
    const idToken = await first.getIdToken();
    const stored = JSON.parse((await storedSignIn()) ?? 'null') as Record<string, unknown>;
    expect(Object.keys(stored)).toEqual(['refreshToken']);
    expect(JSON.stringify(stored)).not.toContain(idToken);

    const signInsBefore = countOf(la, 'RespondToAuthChallenge');
    const second = launch();
    expect(await second.restore()).toMatchObject({ status: 'signedIn', username: DEMO_USERNAME });
    expect(await second.getIdToken()).toMatch(/^eyJ/);
    expect(countOf(la, 'RespondToAuthChallenge')).toBe(signInsBefore); // no password asked
  });

  it('signs out at Cognito and deletes the keychain entry', async () => {
    service = `hakobu-test-${randomUUID()}`;
    const la = await stand.start();
    const session = launch();
    await session.signIn(DEMO_USERNAME, DEMO_PASSWORD);
    const { refreshToken } = JSON.parse((await storedSignIn()) ?? '{}') as { refreshToken: string };

    expect(await session.signOut()).toMatchObject({
      status: 'signedOut',
      lastUsername: DEMO_USERNAME,
    });

    expect(countOf(la, 'GlobalSignOut')).toBe(1);
    expect(countOf(la, 'RevokeToken')).toBe(1);
    expect(await storedSignIn()).toBeNull();
    await expect(session.getIdToken()).rejects.toMatchObject({ code: 'auth.notSignedIn' });
    expect(await launch().restore()).toMatchObject({
      status: 'signedOut',
      lastUsername: DEMO_USERNAME,
    });
    // The old refresh token is dead at Cognito too, not just forgotten here.
    const idp = new CognitoIdentityProviderClient({
      region: la.info.region,
      endpoint: la.info.endpoint,
    });
    await expect(
      idp.send(
        new InitiateAuthCommand({
          ClientId: la.info.clientId,
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          AuthParameters: { REFRESH_TOKEN: refreshToken },
        }),
      ),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    idp.destroy();
  });

  it('forgets the sign-in even when Cognito cannot be reached', async () => {
    service = `hakobu-test-${randomUUID()}`;
    const la = await stand.start();
    const session = launch();
    await session.signIn(DEMO_USERNAME, DEMO_PASSWORD);
    await la.close();

    expect(await session.signOut()).toMatchObject({ status: 'signedOut' });
    expect(await storedSignIn()).toBeNull();
  });

  it('works for the session only when there is no keychain, and says so', async () => {
    service = `hakobu-test-${randomUUID()}`;
    await stand.start();
    const noKeychain = new MemorySecretStore({ available: false });
    const session = launch(noKeychain);

    expect(await session.restore()).toMatchObject({ status: 'signedOut', keychain: 'unavailable' });
    expect(await session.signIn(DEMO_USERNAME, DEMO_PASSWORD)).toMatchObject({
      status: 'signedIn',
      keychain: 'unavailable',
    });
    expect(await session.getIdToken()).toMatch(/^eyJ/);
    expect(await launch(noKeychain).restore()).toMatchObject({ status: 'signedOut' });
  });
});
