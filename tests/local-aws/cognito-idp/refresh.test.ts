import {
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  RevokeTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CognitoRefreshToken } from 'amazon-cognito-identity-js';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { cognitoUserOn, demoUser, signInWithSrp } from '../../helpers/sign-in';
import { CLIENT, createConfirmedUser, idpClient, idpSetup } from './support';

describe('refresh tokens, rotation, revocation and sign-out', () => {
  let la: TestLocalAws;
  beforeAll(async () => {
    la = await startTestLocalAws(idpSetup);
  });
  afterAll(async () => {
    await la.dispose();
  });

  const refreshAuth = (ClientId: string, REFRESH_TOKEN: string) =>
    idpClient(la).send(
      new InitiateAuthCommand({
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId,
        AuthParameters: { REFRESH_TOKEN },
      }),
    );
  const getTokens = (ClientId: string, RefreshToken: string) =>
    idpClient(la).send(new GetTokensFromRefreshTokenCommand({ ClientId, RefreshToken }));
  const getUser = (AccessToken: string) => idpClient(la).send(new GetUserCommand({ AccessToken }));
  const passwordSignIn = async (ClientId: string, USERNAME: string, PASSWORD: string) => {
    const out = await idpClient(la).send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId,
        AuthParameters: { USERNAME, PASSWORD },
      }),
    );
    const result = out.AuthenticationResult;
    if (!result?.AccessToken || !result.RefreshToken) throw new Error('no tokens');
    return { accessToken: result.AccessToken, refreshToken: result.RefreshToken };
  };

  it('renews tokens of the same sign-in with REFRESH_TOKEN_AUTH', async () => {
    const demo = demoUser(la);
    const tokens = await signInWithSrp(la, demo.username, demo.password);
    const out = await refreshAuth(la.info.clientId, tokens.refreshToken);
    const renewed = out.AuthenticationResult;
    expect(renewed?.RefreshToken).toBeUndefined();
    const before = decodeJwt(tokens.accessToken);
    const after = decodeJwt(renewed?.AccessToken ?? '');
    expect(after.origin_jti).toBe(before.origin_jti);
    expect(after.auth_time).toBe(before.auth_time);
    expect(after.jti).not.toBe(before.jti);
    expect((await getUser(renewed?.AccessToken ?? '')).Username).toBe(demo.username);
  });

  it('renews through amazon-cognito-identity-js refreshSession', async () => {
    const demo = demoUser(la);
    const tokens = await signInWithSrp(la, demo.username, demo.password);
    const { user } = cognitoUserOn(la, demo.username);
    const session = await new Promise<{ getIdToken(): { getJwtToken(): string } }>(
      (resolve, reject) =>
        user.refreshSession(
          new CognitoRefreshToken({ RefreshToken: tokens.refreshToken }),
          (error: unknown, result: { getIdToken(): { getJwtToken(): string } }) =>
            error ? reject(error) : resolve(result),
        ),
    );
    expect(decodeJwt(session.getIdToken().getJwtToken())['cognito:username']).toBe(demo.username);
  });

  it('does not rotate on a client without rotation', async () => {
    const demo = demoUser(la);
    const tokens = await signInWithSrp(la, demo.username, demo.password);
    const first = await getTokens(la.info.clientId, tokens.refreshToken);
    expect(first.AuthenticationResult?.RefreshToken).toBeUndefined();
    const second = await getTokens(la.info.clientId, tokens.refreshToken);
    expect(second.AuthenticationResult?.AccessToken).toBeTruthy();
  });

  it('rotates on a rotating client and retires the old refresh token', async () => {
    const demo = demoUser(la);
    const signIn = await passwordSignIn(CLIENT.rotating, demo.username, demo.password);
    const rotated = await getTokens(CLIENT.rotating, signIn.refreshToken);
    const next = rotated.AuthenticationResult?.RefreshToken ?? '';
    expect(next).toBeTruthy();
    expect(next).not.toBe(signIn.refreshToken);

    await expect(getTokens(CLIENT.rotating, signIn.refreshToken)).rejects.toMatchObject({
      name: 'RefreshTokenReuseException',
    });
    const again = await getTokens(CLIENT.rotating, next);
    expect(again.AuthenticationResult?.RefreshToken).toBeTruthy();
    // Rotation needs GetTokensFromRefreshToken; REFRESH_TOKEN_AUTH is refused.
    await expect(
      refreshAuth(CLIENT.rotating, again.AuthenticationResult?.RefreshToken ?? ''),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
  });

  it('rejects a refresh token of another client or that was never issued', async () => {
    const demo = demoUser(la);
    const signIn = await passwordSignIn(CLIENT.passwordOnly, demo.username, demo.password);
    await expect(refreshAuth(la.info.clientId, signIn.refreshToken)).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Invalid Refresh Token',
    });
    await expect(refreshAuth(la.info.clientId, 'not-a-token')).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Invalid Refresh Token',
    });
  });

  it('revokes one sign-in with RevokeToken and leaves the others alone', async () => {
    await createConfirmedUser(la, 'revoker', 'Revoker-pass-1');
    const doomed = await passwordSignIn(CLIENT.passwordOnly, 'revoker', 'Revoker-pass-1');
    const other = await passwordSignIn(CLIENT.passwordOnly, 'revoker', 'Revoker-pass-1');
    await expect(
      idpClient(la).send(
        new RevokeTokenCommand({ ClientId: CLIENT.passwordOnly, Token: doomed.accessToken }),
      ),
    ).rejects.toMatchObject({ name: 'UnsupportedTokenTypeException' });
    await idpClient(la).send(
      new RevokeTokenCommand({ ClientId: CLIENT.passwordOnly, Token: doomed.refreshToken }),
    );
    await expect(refreshAuth(CLIENT.passwordOnly, doomed.refreshToken)).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Refresh Token has been revoked',
    });
    await expect(getUser(doomed.accessToken)).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Access Token has been revoked',
    });
    expect((await getUser(other.accessToken)).Username).toBe('revoker');
    expect(
      (await refreshAuth(CLIENT.passwordOnly, other.refreshToken)).AuthenticationResult,
    ).toBeTruthy();
  });

  it('signs the user out everywhere with GlobalSignOut', async () => {
    await createConfirmedUser(la, 'traveller', 'Traveller-pass-1');
    const laptop = await passwordSignIn(CLIENT.passwordOnly, 'traveller', 'Traveller-pass-1');
    const desktop = await passwordSignIn(CLIENT.passwordOnly, 'traveller', 'Traveller-pass-1');
    await idpClient(la).send(new GlobalSignOutCommand({ AccessToken: laptop.accessToken }));
    for (const device of [laptop, desktop]) {
      await expect(getUser(device.accessToken)).rejects.toMatchObject({
        name: 'NotAuthorizedException',
        message: 'Access Token has been revoked',
      });
      await expect(refreshAuth(CLIENT.passwordOnly, device.refreshToken)).rejects.toMatchObject({
        name: 'NotAuthorizedException',
        message: 'Refresh Token has been revoked',
      });
    }
    const again = await passwordSignIn(CLIENT.passwordOnly, 'traveller', 'Traveller-pass-1');
    expect((await getUser(again.accessToken)).Username).toBe('traveller');
  });
});
