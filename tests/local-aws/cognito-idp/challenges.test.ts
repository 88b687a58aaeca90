import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { latestCode } from '../../helpers/codes';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { signInWithSrp } from '../../helpers/sign-in';
import { CLIENT, idpClient, idpSetup, passwordAuth } from './support';

describe('NEW_PASSWORD_REQUIRED and challenge sessions', () => {
  let la: TestLocalAws;
  beforeEach(async () => {
    la = await startTestLocalAws(idpSetup);
  });
  afterEach(async () => {
    await la.dispose();
  });

  async function invite(username: string, temporaryPassword?: string) {
    const out = await idpClient(la).send(
      new AdminCreateUserCommand({
        UserPoolId: la.info.userPoolId,
        Username: username,
        ...(temporaryPassword ? { TemporaryPassword: temporaryPassword } : {}),
        UserAttributes: [{ Name: 'email', Value: `${username}@hakobu.example` }],
      }),
    );
    expect(out.User?.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
  }

  const answerNewPassword = (Session: string | undefined, USERNAME: string, NEW_PASSWORD: string) =>
    idpClient(la).send(
      new RespondToAuthChallengeCommand({
        ClientId: CLIENT.passwordOnly,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session,
        ChallengeResponses: { USERNAME, NEW_PASSWORD },
      }),
    );

  it('makes an invited user choose a password that meets the policy, then signs them in', async () => {
    await invite('newcomer');
    const temporary = latestCode(la, 'newcomer', 'temporary-password');
    const start = await passwordAuth(la, CLIENT.passwordOnly, 'newcomer', temporary);
    expect(start.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(JSON.parse(start.ChallengeParameters?.userAttributes ?? '{}')).toMatchObject({
      email: 'newcomer@hakobu.example',
    });

    await expect(answerNewPassword(start.Session, 'newcomer', 'short')).rejects.toMatchObject({
      name: 'InvalidPasswordException',
      message: 'Password does not conform to policy: Password not long enough',
    });
    await expect(
      answerNewPassword(start.Session, 'newcomer', 'nouppercase-123!'),
    ).rejects.toMatchObject({
      name: 'InvalidPasswordException',
      message: 'Password does not conform to policy: Password must have uppercase characters',
    });

    const done = await answerNewPassword(start.Session, 'newcomer', 'Chosen-Password-1');
    expect(done.AuthenticationResult?.IdToken).toBeTruthy();
    const user = await idpClient(la).send(
      new AdminGetUserCommand({ UserPoolId: la.info.userPoolId, Username: 'newcomer' }),
    );
    expect(user.UserStatus).toBe('CONFIRMED');
    // The temporary password no longer works; the chosen one does, over SRP too.
    await expect(
      passwordAuth(la, CLIENT.passwordOnly, 'newcomer', temporary),
    ).rejects.toMatchObject({
      name: 'NotAuthorizedException',
    });
    const tokens = await signInWithSrp(la, 'newcomer', 'Chosen-Password-1');
    expect(tokens.accessToken).toBeTruthy();
  });

  it('asks for the new password after SRP too (amazon-cognito-identity-js)', async () => {
    await invite('srp-newcomer', 'Temporary-Pass-1');
    await expect(signInWithSrp(la, 'srp-newcomer', 'Temporary-Pass-1')).rejects.toThrow(
      /NEW_PASSWORD_REQUIRED/,
    );
  });

  it('accepts a session only once', async () => {
    await invite('once', 'Temporary-Pass-1');
    const start = await passwordAuth(la, CLIENT.passwordOnly, 'once', 'Temporary-Pass-1');
    await answerNewPassword(start.Session, 'once', 'Chosen-Password-1');
    await expect(
      answerNewPassword(start.Session, 'once', 'Another-Password-2'),
    ).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user, session can only be used once.',
    });
  });

  it('rejects a forged session', async () => {
    await invite('forger', 'Temporary-Pass-1');
    await expect(
      answerNewPassword(Buffer.alloc(64, 7).toString('base64'), 'forger', 'Chosen-Password-1'),
    ).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user.',
    });
  });

  it('expires a session that is not answered in time', async () => {
    await la.setFaults({ challengeSessionSeconds: 1 });
    await invite('slowpoke', 'Temporary-Pass-1');
    const start = await passwordAuth(la, CLIENT.passwordOnly, 'slowpoke', 'Temporary-Pass-1');
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    await expect(
      answerNewPassword(start.Session, 'slowpoke', 'Chosen-Password-1'),
    ).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user, session is expired.',
    });
  });

  it('keeps the session valid across a restart of the stand-in', async () => {
    await invite('restarter', 'Temporary-Pass-1');
    const start = await passwordAuth(la, CLIENT.passwordOnly, 'restarter', 'Temporary-Pass-1');
    la = await la.restart();
    const done = await answerNewPassword(start.Session, 'restarter', 'Chosen-Password-1');
    expect(done.AuthenticationResult?.AccessToken).toBeTruthy();
  });
});
