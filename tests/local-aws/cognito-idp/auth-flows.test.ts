import {
  AdminConfirmSignUpCommand,
  AdminDisableUserCommand,
  AdminInitiateAuthCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { demoUser, signInWithSrp } from '../../helpers/sign-in';
import {
  CLIENT,
  clientSecretOf,
  createConfirmedUser,
  idpClient,
  idpSetup,
  passwordAuth,
} from './support';

const secretHash = (secret: string, username: string, clientId: string) =>
  createHmac('sha256', secret)
    .update(username + clientId)
    .digest('base64');

describe('Cognito sign-in flows through the AWS SDK', () => {
  let la: TestLocalAws;
  beforeAll(async () => {
    la = await startTestLocalAws(idpSetup);
  });
  afterAll(async () => {
    await la.dispose();
  });

  it('signs in with USER_PASSWORD_AUTH on a password-only client', async () => {
    const demo = demoUser(la);
    const out = await passwordAuth(la, CLIENT.passwordOnly, demo.username, demo.password);
    expect(out.ChallengeName).toBeUndefined();
    expect(out.AuthenticationResult?.TokenType).toBe('Bearer');
    expect(out.AuthenticationResult?.IdToken).toBeTruthy();
    expect(out.AuthenticationResult?.RefreshToken).toBeTruthy();
  });

  it("refuses SRP on a client that does not allow it, in Cognito's words", async () => {
    const demo = demoUser(la);
    await expect(
      signInWithSrp(la, demo.username, demo.password, { clientId: CLIENT.passwordOnly }),
    ).rejects.toMatchObject({
      code: 'InvalidParameterException',
      message: 'USER_SRP_AUTH is not enabled for the client.',
    });
  });

  it('refuses USER_PASSWORD_AUTH on the SRP-only desktop client', async () => {
    const demo = demoUser(la);
    await expect(
      passwordAuth(la, la.info.clientId, demo.username, demo.password),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'USER_PASSWORD_AUTH flow not enabled for this client',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('reports a wrong password, an unknown user and an unknown client', async () => {
    const demo = demoUser(la);
    await expect(
      passwordAuth(la, CLIENT.passwordOnly, demo.username, 'Not-the-password-1'),
    ).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    await expect(
      passwordAuth(la, CLIENT.passwordOnly, 'ghost', 'Whatever-1!'),
    ).rejects.toMatchObject({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
    });
    await expect(
      passwordAuth(la, 'nosuchclient00000000000000', demo.username, demo.password),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'User pool client nosuchclient00000000000000 does not exist.',
    });
  });

  it('requires SECRET_HASH on a client with a secret and checks it', async () => {
    const demo = demoUser(la);
    const secret = await clientSecretOf(la, CLIENT.withSecret);
    await expect(
      passwordAuth(la, CLIENT.withSecret, demo.username, demo.password),
    ).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: `Client ${CLIENT.withSecret} is configured with secret but SECRET_HASH was not received`,
    });
    await expect(
      passwordAuth(la, CLIENT.withSecret, demo.username, demo.password, {
        SECRET_HASH: secretHash('wrong', demo.username, CLIENT.withSecret),
      }),
    ).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: `Unable to verify secret hash for client ${CLIENT.withSecret}`,
    });
    const out = await passwordAuth(la, CLIENT.withSecret, demo.username, demo.password, {
      SECRET_HASH: secretHash(secret, demo.username, CLIENT.withSecret),
    });
    expect(out.AuthenticationResult?.AccessToken).toBeTruthy();
  });

  it('tells an unconfirmed user apart only once the password is right', async () => {
    await expect(
      passwordAuth(la, CLIENT.passwordOnly, 'pending-user', 'Wrong-pass-1'),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    await expect(
      passwordAuth(la, CLIENT.passwordOnly, 'pending-user', 'Pending-pass-1'),
    ).rejects.toMatchObject({
      name: 'UserNotConfirmedException',
      message: 'User is not confirmed.',
    });
    await idpClient(la).send(
      new AdminConfirmSignUpCommand({ UserPoolId: la.info.userPoolId, Username: 'pending-user' }),
    );
    const out = await passwordAuth(la, CLIENT.passwordOnly, 'pending-user', 'Pending-pass-1');
    expect(out.AuthenticationResult?.AccessToken).toBeTruthy();
  });

  it('refuses a disabled user', async () => {
    await createConfirmedUser(la, 'leaver', 'Leaver-pass-1');
    await idpClient(la).send(
      new AdminDisableUserCommand({ UserPoolId: la.info.userPoolId, Username: 'leaver' }),
    );
    await expect(
      passwordAuth(la, CLIENT.passwordOnly, 'leaver', 'Leaver-pass-1'),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'User is disabled.' });
  });

  it('signs in with ADMIN_USER_PASSWORD_AUTH only where the client allows it', async () => {
    const demo = demoUser(la);
    const admin = (ClientId: string) =>
      idpClient(la).send(
        new AdminInitiateAuthCommand({
          UserPoolId: la.info.userPoolId,
          ClientId,
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: demo.username, PASSWORD: demo.password },
        }),
      );
    expect((await admin(CLIENT.admin)).AuthenticationResult?.IdToken).toBeTruthy();
    await expect(admin(CLIENT.passwordOnly)).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'Auth flow not enabled for this client',
    });
  });

  it("rejects a PASSWORD_VERIFIER answer whose TIMESTAMP is not Cognito's format", async () => {
    const demo = demoUser(la);
    const client = idpClient(la);
    const start = await client.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_SRP_AUTH',
        ClientId: la.info.clientId,
        AuthParameters: { USERNAME: demo.username, SRP_A: 'abcdef0123456789' },
      }),
    );
    expect(start.ChallengeName).toBe('PASSWORD_VERIFIER');
    await expect(
      client.send(
        new RespondToAuthChallengeCommand({
          ClientId: la.info.clientId,
          ChallengeName: 'PASSWORD_VERIFIER',
          ChallengeResponses: {
            USERNAME: demo.username,
            PASSWORD_CLAIM_SECRET_BLOCK: start.ChallengeParameters?.SECRET_BLOCK ?? '',
            PASSWORD_CLAIM_SIGNATURE: 'AAAA',
            TIMESTAMP: '2026-05-01T10:00:00Z',
          },
        }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.',
    });
  });
});
