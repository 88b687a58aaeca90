import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
  ConfirmForgotPasswordCommand,
  DescribeUserPoolCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  ListUsersCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  AuthenticationDetails,
  CognitoRefreshToken,
  type CognitoUserSession,
} from 'amazon-cognito-identity-js';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAwsSetup } from '../../../local-aws/setup/schema';
import { latestCode } from '../../helpers/codes';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { cognitoUserOn, demoUser, memoryStorage, signInWithSrp } from '../../helpers/sign-in';
import { CLIENT, createConfirmedUser, idpClient, passwordAuth } from './support';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// The demo setup's pool (said here too, so this suite never tests a pool of usernames by
// accident), with a password client for the non-SRP flows.
const withPasswordClient = (base: LocalAwsSetup): unknown => ({
  ...base,
  userPools: base.userPools.map((pool) => ({
    ...pool,
    usernameAttributes: ['email'],
    clients: [
      ...pool.clients,
      {
        name: 'password-only',
        id: CLIENT.passwordOnly,
        explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      },
    ],
  })),
});

describe('a pool that signs in by email (UsernameAttributes: email), as the demo pool does', () => {
  let la: TestLocalAws;
  beforeAll(async () => {
    la = await startTestLocalAws(withPasswordClient);
  });
  afterAll(async () => {
    await la.dispose();
  });

  it('says so in DescribeUserPool', async () => {
    const { UserPool } = await idpClient(la).send(
      new DescribeUserPoolCommand({ UserPoolId: la.info.userPoolId }),
    );
    expect(UserPool?.UsernameAttributes).toEqual(['email']);
    expect(UserPool?.AliasAttributes).toBeUndefined();
  });

  it('answers SRP by email with the UUID as USER_ID_FOR_SRP, and tokens for that UUID', async () => {
    const demo = demoUser(la);
    const start = await idpClient(la).send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_SRP_AUTH',
        ClientId: la.info.clientId,
        AuthParameters: { USERNAME: demo.username, SRP_A: 'abc123' },
      }),
    );
    const userIdForSrp = start.ChallengeParameters?.USER_ID_FOR_SRP ?? '';
    expect(userIdForSrp).toMatch(UUID);

    const tokens = await signInWithSrp(la, demo.username, demo.password);
    const id = decodeJwt(tokens.idToken);
    expect(tokens.userIdForSrp).toBe(userIdForSrp);
    expect(id['cognito:username']).toBe(userIdForSrp);
    expect(id.sub).toBe(userIdForSrp);
    expect(id.email).toBe(demo.username);
    expect(decodeJwt(tokens.accessToken).username).toBe(userIdForSrp);
  });

  it('keys the library cache by the UUID, and refreshes under it', async () => {
    const demo = demoUser(la);
    const storage = memoryStorage();
    const { user } = cognitoUserOn(la, demo.username, { storage });
    await new Promise<void>((resolve, reject) => {
      const details = new AuthenticationDetails({
        Username: demo.username,
        Password: demo.password,
      });
      user.authenticateUser(details, { onSuccess: () => resolve(), onFailure: reject });
    });
    const uuid = user.getUsername();
    expect(uuid).toMatch(UUID);
    const prefix = `CognitoIdentityServiceProvider.${la.info.clientId}`;
    expect(storage.getItem(`${prefix}.LastAuthUser`)).toBe(uuid);
    expect(storage.getItem(`${prefix}.${demo.username}.refreshToken`)).toBeNull();
    const refreshToken = storage.getItem(`${prefix}.${uuid}.refreshToken`) ?? '';

    // Restoring from a kept refresh token, as Hakobu does: the user is the UUID Cognito returned.
    const restored = cognitoUserOn(la, uuid).user;
    const session = await new Promise<CognitoUserSession>((resolve, reject) => {
      restored.refreshSession(
        new CognitoRefreshToken({ RefreshToken: refreshToken }),
        (error: unknown, result: CognitoUserSession) => (error ? reject(error) : resolve(result)),
      );
    });
    const id = session.getIdToken().decodePayload();
    expect(id['cognito:username']).toBe(uuid);
    expect(id.email).toBe(demo.username);
  });

  it('signs in by the UUID itself too', async () => {
    const demo = demoUser(la);
    const { userIdForSrp } = await signInWithSrp(la, demo.username, demo.password);
    const again = await signInWithSrp(la, userIdForSrp, demo.password);
    expect(decodeJwt(again.idToken).email).toBe(demo.username);
  });

  it('gives USER_PASSWORD_AUTH by email the tokens of the UUID user', async () => {
    const demo = demoUser(la);
    const out = await passwordAuth(la, CLIENT.passwordOnly, demo.username, demo.password);
    const id = decodeJwt(out.AuthenticationResult?.IdToken ?? '');
    expect(id['cognito:username']).toMatch(UUID);
    expect(id.email).toBe(demo.username);
  });

  it('refuses a username that is not an email, and a second account for one email', async () => {
    const client = idpClient(la);
    const UserPoolId = la.info.userPoolId;
    await expect(
      client.send(new AdminCreateUserCommand({ UserPoolId, Username: 'alice' })),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'Username should be an email.',
    });
    await expect(
      client.send(new AdminCreateUserCommand({ UserPoolId, Username: demoUser(la).username })),
    ).rejects.toMatchObject({
      name: 'UsernameExistsException',
      message: 'An account with the given email already exists.',
    });
    await expect(
      client.send(
        new AdminCreateUserCommand({
          UserPoolId,
          Username: 'eve@hakobu.example',
          UserAttributes: [{ Name: 'email', Value: 'other@hakobu.example' }],
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
  });

  it('creates users under a UUID that admins find by email (AdminGetUser, ListUsers)', async () => {
    const client = idpClient(la);
    const UserPoolId = la.info.userPoolId;
    const created = await client.send(
      new AdminCreateUserCommand({
        UserPoolId,
        Username: 'frank@hakobu.example',
        MessageAction: 'SUPPRESS',
      }),
    );
    const username = created.User?.Username ?? '';
    expect(username).toMatch(UUID);
    expect(created.User?.Attributes).toContainEqual({ Name: 'sub', Value: username });
    expect(created.User?.Attributes).toContainEqual({
      Name: 'email',
      Value: 'frank@hakobu.example',
    });
    const byEmail = await client.send(
      new AdminGetUserCommand({ UserPoolId, Username: 'frank@hakobu.example' }),
    );
    expect(byEmail.Username).toBe(username);
    const listed = await client.send(
      new ListUsersCommand({ UserPoolId, Filter: 'email = "frank@hakobu.example"' }),
    );
    expect(listed.Users?.map((u) => u.Username)).toEqual([username]);
  });

  it('lets a user who signed in by email answer NEW_PASSWORD_REQUIRED as the email', async () => {
    const email = 'grace@hakobu.example';
    await idpClient(la).send(
      new AdminCreateUserCommand({
        UserPoolId: la.info.userPoolId,
        Username: email,
        TemporaryPassword: 'Temporary-pass-1',
        MessageAction: 'SUPPRESS',
      }),
    );
    const challenge = await passwordAuth(la, CLIENT.passwordOnly, email, 'Temporary-pass-1');
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(challenge.ChallengeParameters?.USER_ID_FOR_SRP).toMatch(UUID);
    const done = await idpClient(la).send(
      new RespondToAuthChallengeCommand({
        ClientId: CLIENT.passwordOnly,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: challenge.Session,
        ChallengeResponses: { USERNAME: email, NEW_PASSWORD: 'Permanent-pass-1' },
      }),
    );
    expect(decodeJwt(done.AuthenticationResult?.IdToken ?? '').email).toBe(email);
  });

  it('resets a forgotten password by email', async () => {
    const email = 'heidi@hakobu.example';
    // A reset code goes only to a verified address, in an email pool as anywhere.
    await createConfirmedUser(la, email, 'Forgotten-pass-1', { email_verified: 'true' });
    const client = idpClient(la);
    const sent = await client.send(
      new ForgotPasswordCommand({ ClientId: la.info.clientId, Username: email }),
    );
    expect(sent.CodeDeliveryDetails?.DeliveryMedium).toBe('EMAIL');
    await client.send(
      new ConfirmForgotPasswordCommand({
        ClientId: la.info.clientId,
        Username: email,
        ConfirmationCode: latestCode(la, email, 'forgot-password'),
        Password: 'Remembered-pass-1',
      }),
    );
    expect((await signInWithSrp(la, email, 'Remembered-pass-1')).userIdForSrp).toMatch(UUID);
  });

  it('moves sign-in to a changed email, and refuses one another user has', async () => {
    const client = idpClient(la);
    const UserPoolId = la.info.userPoolId;
    await createConfirmedUser(la, 'ivan@hakobu.example', 'Ivan-pass-1');
    await expect(
      client.send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId,
          Username: 'ivan@hakobu.example',
          UserAttributes: [{ Name: 'email', Value: demoUser(la).username }],
        }),
      ),
    ).rejects.toMatchObject({ name: 'AliasExistsException' });
    const before = await signInWithSrp(la, 'ivan@hakobu.example', 'Ivan-pass-1');
    await client.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId,
        Username: 'ivan@hakobu.example',
        UserAttributes: [{ Name: 'email', Value: 'ivan.new@hakobu.example' }],
      }),
    );
    const after = await signInWithSrp(la, 'ivan.new@hakobu.example', 'Ivan-pass-1');
    expect(after.userIdForSrp).toBe(before.userIdForSrp);
    await expect(signInWithSrp(la, 'ivan@hakobu.example', 'Ivan-pass-1')).rejects.toMatchObject({
      code: 'UserNotFoundException',
    });
  });
});
