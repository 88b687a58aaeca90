import {
  AssociateSoftwareTokenCommand,
  GetUserCommand,
  RespondToAuthChallengeCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
  type ChallengeNameType,
} from '@aws-sdk/client-cognito-identity-provider';
import { AuthenticationDetails } from 'amazon-cognito-identity-js';
import { afterEach, describe, expect, it } from 'vitest';
import { latestCode } from '../../helpers/codes';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { cognitoUserOn, demoUser } from '../../helpers/sign-in';
import { CLIENT, idpClient, idpSetup, passwordAuth, totpCode, type PoolOverrides } from './support';

describe('MFA: TOTP enrolment and sign-in, SMS codes', () => {
  let la: TestLocalAws;
  const start = async (overrides: PoolOverrides = {}) => {
    la = await startTestLocalAws((base) => idpSetup(base, overrides));
  };
  afterEach(async () => {
    await la.dispose();
  });

  const answer = (
    ChallengeName: ChallengeNameType,
    Session: string | undefined,
    responses: Record<string, string>,
  ) =>
    idpClient(la).send(
      new RespondToAuthChallengeCommand({
        ClientId: CLIENT.passwordOnly,
        ChallengeName,
        Session,
        ChallengeResponses: responses,
      }),
    );

  /** SRP plus TOTP through amazon-cognito-identity-js, as Hakobu's sign-in does it. */
  function srpWithTotp(username: string, password: string, secret: string): Promise<string> {
    const { user } = cognitoUserOn(la, username);
    return new Promise((resolve, reject) => {
      const callbacks = {
        onSuccess: (session: { getAccessToken(): { getJwtToken(): string } }) =>
          resolve(session.getAccessToken().getJwtToken()),
        onFailure: reject,
        totpRequired: () => user.sendMFACode(totpCode(secret), callbacks, 'SOFTWARE_TOKEN_MFA'),
      };
      user.authenticateUser(
        new AuthenticationDetails({ Username: username, Password: password }),
        callbacks,
      );
    });
  }

  it('enrols TOTP during sign-in when the pool requires MFA, then asks for it', async () => {
    await start({ mfaConfiguration: 'ON' });
    const demo = demoUser(la);
    const first = await passwordAuth(la, CLIENT.passwordOnly, demo.username, demo.password);
    expect(first.ChallengeName).toBe('MFA_SETUP');
    expect(JSON.parse(first.ChallengeParameters?.MFAS_CAN_SETUP ?? '[]')).toContain(
      'SOFTWARE_TOKEN_MFA',
    );

    const client = idpClient(la);
    const associated = await client.send(
      new AssociateSoftwareTokenCommand({ Session: first.Session }),
    );
    const secret = associated.SecretCode ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const wrong = totpCode(secret) === '000000' ? '111111' : '000000';
    await expect(
      client.send(new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: wrong })),
    ).rejects.toMatchObject({
      name: 'EnableSoftwareTokenMFAException',
      message: 'Code mismatch and fail enable Software Token MFA',
    });
    const verified = await client.send(
      new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: totpCode(secret) }),
    );
    expect(verified.Status).toBe('SUCCESS');
    const done = await answer('MFA_SETUP', verified.Session, { USERNAME: demo.username });
    expect(done.AuthenticationResult?.AccessToken).toBeTruthy();

    const me = await client.send(
      new GetUserCommand({ AccessToken: done.AuthenticationResult?.AccessToken }),
    );
    expect(me.PreferredMfaSetting).toBe('SOFTWARE_TOKEN_MFA');

    const second = await passwordAuth(la, CLIENT.passwordOnly, demo.username, demo.password);
    expect(second.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    await expect(
      answer('SOFTWARE_TOKEN_MFA', second.Session, {
        USERNAME: demo.username,
        SOFTWARE_TOKEN_MFA_CODE: wrong,
      }),
    ).rejects.toMatchObject({
      name: 'CodeMismatchException',
      message: 'Invalid code received for user',
    });
    const signedIn = await answer('SOFTWARE_TOKEN_MFA', second.Session, {
      USERNAME: demo.username,
      SOFTWARE_TOKEN_MFA_CODE: totpCode(secret),
    });
    expect(signedIn.AuthenticationResult?.IdToken).toBeTruthy();

    expect(await srpWithTotp(demo.username, demo.password, secret)).toBeTruthy();
  });

  it('lets a signed-in user turn TOTP on with an access token', async () => {
    await start();
    const demo = demoUser(la);
    const client = idpClient(la);
    const plain = await passwordAuth(la, CLIENT.passwordOnly, demo.username, demo.password);
    const AccessToken = plain.AuthenticationResult?.AccessToken;
    expect(plain.ChallengeName).toBeUndefined();

    await expect(
      client.send(
        new SetUserMFAPreferenceCommand({
          AccessToken,
          SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
        }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA',
    });
    await expect(
      client.send(
        new SetUserMFAPreferenceCommand({ AccessToken, SMSMfaSettings: { Enabled: true } }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'User does not have delivery config set to turn on SMS_MFA',
    });

    const { SecretCode } = await client.send(new AssociateSoftwareTokenCommand({ AccessToken }));
    const secret = SecretCode ?? '';
    await client.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: totpCode(secret) }));
    // Verified but not yet turned on: sign-in still needs no code.
    expect(
      (await passwordAuth(la, CLIENT.passwordOnly, demo.username, demo.password)).ChallengeName,
    ).toBeUndefined();

    await client.send(
      new SetUserMFAPreferenceCommand({
        AccessToken,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );
    const next = await passwordAuth(la, CLIENT.passwordOnly, demo.username, demo.password);
    expect(next.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    expect(await srpWithTotp(demo.username, demo.password, secret)).toBeTruthy();
  });

  it('sends an SMS code (to codes.log) and accepts only that code', async () => {
    await start({
      users: [
        {
          username: 'texter',
          password: 'Texter-pass-1',
          phoneNumber: '+819012345678',
          smsMfa: true,
        },
      ],
    });
    const first = await passwordAuth(la, CLIENT.passwordOnly, 'texter', 'Texter-pass-1');
    expect(first.ChallengeName).toBe('SMS_MFA');
    expect(first.ChallengeParameters).toMatchObject({
      CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS',
      CODE_DELIVERY_DESTINATION: '+********5678',
    });
    const code = latestCode(la, 'texter', 'sms-mfa');
    const wrong = code === '000000' ? '111111' : '000000';
    await expect(
      answer('SMS_MFA', first.Session, { USERNAME: 'texter', SMS_MFA_CODE: wrong }),
    ).rejects.toMatchObject({ name: 'CodeMismatchException' });
    const done = await answer('SMS_MFA', first.Session, { USERNAME: 'texter', SMS_MFA_CODE: code });
    expect(done.AuthenticationResult?.AccessToken).toBeTruthy();
  });
});
