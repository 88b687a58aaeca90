import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { demoUser, signInWithSrp } from '../../helpers/sign-in';
import { createConfirmedUser, idpClient } from './support';

describe('users and refresh tokens survive a restart', () => {
  let la: TestLocalAws;
  beforeEach(async () => {
    la = await startTestLocalAws();
  });
  afterEach(async () => {
    await la.dispose();
  });

  it('signs in, refreshes and keeps created users after a restart on the same data', async () => {
    const demo = demoUser(la);
    await createConfirmedUser(la, 'persistent@hakobu.example', 'Persistent-pass-1');
    const before = await signInWithSrp(la, demo.username, demo.password);

    la = await la.restart();
    const after = await signInWithSrp(la, demo.username, demo.password);
    expect(decodeJwt(after.idToken).sub).toBe(decodeJwt(before.idToken).sub);
    expect(
      (await signInWithSrp(la, 'persistent@hakobu.example', 'Persistent-pass-1')).accessToken,
    ).toBeTruthy();

    const refreshed = await idpClient(la).send(
      new InitiateAuthCommand({
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: la.info.clientId,
        AuthParameters: { REFRESH_TOKEN: before.refreshToken },
      }),
    );
    expect(decodeJwt(refreshed.AuthenticationResult?.IdToken ?? '').iss).toBe(
      `${la.tls.endpoint}/${la.info.userPoolId}`,
    );
  });

  it('keeps no password or live refresh token in the stored user pools', async () => {
    const demo = demoUser(la);
    const tokens = await signInWithSrp(la, demo.username, demo.password);
    // state.json publishes the demo credentials on purpose (demoUser); the user store must not.
    const state = JSON.parse(readFileSync(join(la.dataDir, 'state.json'), 'utf8')) as {
      userPools: unknown;
    };
    const pools = JSON.stringify(state.userPools);
    expect(pools).not.toContain(demo.password);
    expect(pools).not.toContain(tokens.refreshToken);
    expect(pools).toContain('srpVerifier');
  });
});
