import {
  ChangePasswordCommand,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
  GetUserCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestCode } from '../../helpers/codes';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { demoUser, signInWithSrp } from '../../helpers/sign-in';
import { CLIENT, createConfirmedUser, idpClient, idpSetup, passwordAuth } from './support';

describe('account operations: GetUser, ChangePassword, forgotten passwords', () => {
  let la: TestLocalAws;
  beforeAll(async () => {
    la = await startTestLocalAws(idpSetup);
  });
  afterAll(async () => {
    await la.dispose();
  });

  it('returns the signed-in user and refuses an ID token in place of the access token', async () => {
    const demo = demoUser(la);
    const tokens = await signInWithSrp(la, demo.username, demo.password);
    const me = await idpClient(la).send(new GetUserCommand({ AccessToken: tokens.accessToken }));
    expect(me.Username).toBe(demo.username);
    expect(me.UserAttributes).toEqual(
      expect.arrayContaining([
        { Name: 'email', Value: demo.username },
        { Name: 'email_verified', Value: 'true' },
        expect.objectContaining({ Name: 'sub' }),
      ]),
    );
    await expect(
      idpClient(la).send(new GetUserCommand({ AccessToken: tokens.idToken })),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Invalid Access Token' });
  });

  it('reports an expired access token', async () => {
    await la.setFaults({ tokenLifetimeSeconds: 1 });
    try {
      const demo = demoUser(la);
      const tokens = await signInWithSrp(la, demo.username, demo.password);
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      await expect(
        idpClient(la).send(new GetUserCommand({ AccessToken: tokens.accessToken })),
      ).rejects.toMatchObject({
        name: 'NotAuthorizedException',
        message: 'Access Token has expired',
      });
    } finally {
      await la.setFaults({ tokenLifetimeSeconds: 86_400 });
    }
  });

  it('changes a password only with the current one and within the policy', async () => {
    await createConfirmedUser(la, 'changer', 'Original-pass-1');
    const { accessToken } = await signInWithSrp(la, 'changer', 'Original-pass-1');
    const change = (PreviousPassword: string, ProposedPassword: string) =>
      idpClient(la).send(
        new ChangePasswordCommand({ AccessToken: accessToken, PreviousPassword, ProposedPassword }),
      );
    await expect(change('Guessed-pass-1', 'Replaced-pass-2')).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    await expect(change('Original-pass-1', 'nosymbols1A')).rejects.toMatchObject({
      name: 'InvalidPasswordException',
      message: 'Password did not conform with policy: Password must have symbol characters',
    });
    await change('Original-pass-1', 'Replaced-pass-2');
    await expect(signInWithSrp(la, 'changer', 'Original-pass-1')).rejects.toMatchObject({
      code: 'NotAuthorizedException',
    });
    expect((await signInWithSrp(la, 'changer', 'Replaced-pass-2')).accessToken).toBeTruthy();
  });

  it('resets a forgotten password with the emailed code from codes.log', async () => {
    await createConfirmedUser(la, 'forgetful', 'Forgotten-pass-1', {
      email: 'forgetful@hakobu.example',
      email_verified: 'true',
    });
    const client = idpClient(la);
    const sent = await client.send(
      new ForgotPasswordCommand({ ClientId: la.info.clientId, Username: 'forgetful' }),
    );
    expect(sent.CodeDeliveryDetails).toEqual({
      Destination: 'f***@h***',
      DeliveryMedium: 'EMAIL',
      AttributeName: 'email',
    });
    const code = latestCode(la, 'forgetful', 'forgot-password');
    const confirm = (ConfirmationCode: string, Password: string) =>
      client.send(
        new ConfirmForgotPasswordCommand({
          ClientId: la.info.clientId,
          Username: 'forgetful',
          ConfirmationCode,
          Password,
        }),
      );
    await expect(
      confirm(code === '000000' ? '111111' : '000000', 'Remembered-pass-2'),
    ).rejects.toMatchObject({
      name: 'CodeMismatchException',
      message: 'Invalid verification code provided, please try again.',
    });
    await confirm(code, 'Remembered-pass-2');
    expect((await signInWithSrp(la, 'forgetful', 'Remembered-pass-2')).idToken).toBeTruthy();
    await expect(confirm(code, 'Third-pass-3!')).rejects.toMatchObject({
      name: 'CodeMismatchException',
    });
  });

  it('refuses ForgotPassword for an unknown user or one without a verified address', async () => {
    const client = idpClient(la);
    await expect(
      client.send(new ForgotPasswordCommand({ ClientId: la.info.clientId, Username: 'ghost' })),
    ).rejects.toMatchObject({
      name: 'UserNotFoundException',
      message: 'Username/client id combination not found.',
    });
    await createConfirmedUser(la, 'unreachable', 'Unreachable-pass-1');
    await expect(
      client.send(
        new ForgotPasswordCommand({ ClientId: la.info.clientId, Username: 'unreachable' }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message:
        'Cannot reset password for the user as there is no registered/verified email or phone_number',
    });
    expect(
      (await passwordAuth(la, CLIENT.passwordOnly, 'unreachable', 'Unreachable-pass-1'))
        .AuthenticationResult,
    ).toBeTruthy();
  });
});
