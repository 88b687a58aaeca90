import {
  AdminAddUserToGroupCommand,
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  AdminResetUserPasswordCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { signInWithSrp } from '../../helpers/sign-in';
import { CLIENT, createConfirmedUser, idpClient, idpSetup } from './support';

describe('admin operations used to seed and inspect users', () => {
  let la: TestLocalAws;
  beforeAll(async () => {
    la = await startTestLocalAws(idpSetup);
  });
  afterAll(async () => {
    await la.dispose();
  });
  const UserPoolId = () => la.info.userPoolId;

  it('creates a user whose group and role appear in the tokens', async () => {
    await createConfirmedUser(la, 'editor', 'Editor-pass-1', { email: 'editor@hakobu.example' });
    const client = idpClient(la);
    await client.send(
      new AdminAddUserToGroupCommand({
        UserPoolId: UserPoolId(),
        Username: 'editor',
        GroupName: 'editors',
      }),
    );
    const user = await client.send(
      new AdminGetUserCommand({ UserPoolId: UserPoolId(), Username: 'editor' }),
    );
    expect(user.UserStatus).toBe('CONFIRMED');
    expect(user.Enabled).toBe(true);
    expect(user.UserCreateDate).toBeInstanceOf(Date);
    const id = decodeJwt((await signInWithSrp(la, 'editor', 'Editor-pass-1')).idToken);
    expect(id['cognito:groups']).toEqual(['editors']);
    expect(id['cognito:preferred_role']).toBe('arn:aws:iam::000000000000:role/editors');
    expect(id.email_verified).toBe(false);

    await expect(
      client.send(
        new AdminAddUserToGroupCommand({
          UserPoolId: UserPoolId(),
          Username: 'editor',
          GroupName: 'nobody-made-this',
        }),
      ),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException', message: 'Group not found.' });
  });

  it('deletes a user, after which they do not exist', async () => {
    await createConfirmedUser(la, 'temporary', 'Temporary-pass-1');
    const client = idpClient(la);
    await client.send(
      new AdminDeleteUserCommand({ UserPoolId: UserPoolId(), Username: 'temporary' }),
    );
    await expect(
      client.send(new AdminGetUserCommand({ UserPoolId: UserPoolId(), Username: 'temporary' })),
    ).rejects.toMatchObject({ name: 'UserNotFoundException', message: 'User does not exist.' });
    await expect(signInWithSrp(la, 'temporary', 'Temporary-pass-1')).rejects.toMatchObject({
      code: 'UserNotFoundException',
    });
  });

  it('forces a reset with AdminResetUserPassword', async () => {
    await createConfirmedUser(la, 'reset-me', 'Reset-me-pass-1');
    await idpClient(la).send(
      new AdminResetUserPasswordCommand({ UserPoolId: UserPoolId(), Username: 'reset-me' }),
    );
    await expect(
      idpClient(la).send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: CLIENT.passwordOnly,
          AuthParameters: { USERNAME: 'reset-me', PASSWORD: 'Reset-me-pass-1' },
        }),
      ),
    ).rejects.toMatchObject({ name: 'PasswordResetRequiredException' });
  });

  it('describes the pool and its clients for doctor', async () => {
    const client = idpClient(la);
    const { UserPool } = await client.send(
      new DescribeUserPoolCommand({ UserPoolId: UserPoolId() }),
    );
    expect(UserPool?.Id).toBe(UserPoolId());
    expect(UserPool?.MfaConfiguration).toBe('OPTIONAL');
    expect(UserPool?.Policies?.PasswordPolicy?.MinimumLength).toBe(8);

    const describe = (ClientId: string) =>
      client.send(new DescribeUserPoolClientCommand({ UserPoolId: UserPoolId(), ClientId }));
    const desktop = (await describe(la.info.clientId)).UserPoolClient;
    expect(desktop?.ExplicitAuthFlows).toEqual(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
    expect(desktop?.ClientSecret).toBeUndefined();
    expect((await describe(CLIENT.withSecret)).UserPoolClient?.ClientSecret).toMatch(
      /^[a-z0-9]{51}$/,
    );
    expect((await describe(CLIENT.rotating)).UserPoolClient?.RefreshTokenRotation?.Feature).toBe(
      'ENABLED',
    );
    await expect(describe('nosuchclient00000000000000')).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it('refuses an admin call that is not signed', async () => {
    const res = await fetch(la.info.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.AdminGetUser',
      },
      body: JSON.stringify({ UserPoolId: UserPoolId(), Username: 'editor' }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ __type: 'MissingAuthenticationTokenException' });
  });
});
