import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  DescribeUserPoolClientCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { Secret, TOTP } from 'otpauth';
import type { LocalAwsSetup } from '../../../local-aws/setup/schema';
import type { TestLocalAws } from '../../helpers/local-aws';

/** Fixed client IDs for the extra app clients the cognito-idp tests add. */
export const CLIENT = {
  passwordOnly: 'passwordonlyclient00000000',
  withSecret: 'withsecretclient0000000000',
  rotating: 'rotatingclient000000000000',
  admin: 'adminflowclient00000000000',
} as const;

/** What a test may change about the pool of idpSetup. */
export interface PoolOverrides {
  mfaConfiguration?: 'OFF' | 'OPTIONAL' | 'ON';
  users?: Record<string, unknown>[];
}

/** The default setup plus clients for every flow the tests exercise, and a group with a role. */
export function idpSetup(base: LocalAwsSetup, overrides: PoolOverrides = {}): unknown {
  const [pool, ...others] = base.userPools;
  if (!pool) throw new Error('default setup has no user pool');
  return {
    ...base,
    userPools: [
      {
        ...pool,
        // These tests are about a pool of usernames (alice, pending-user); email pools have theirs.
        usernameAttributes: [],
        groups: [
          { name: 'editors', roleArn: 'arn:aws:iam::000000000000:role/editors', precedence: 1 },
        ],
        // The demo user keeps its email as an attribute (in the email pool it was the username).
        users: [
          ...pool.users.map((u) => ({ ...u, email: u.email ?? u.username })),
          { username: 'pending-user', password: 'Pending-pass-1', status: 'UNCONFIRMED' },
          ...(overrides.users ?? []),
        ],
        ...(overrides.mfaConfiguration ? { mfaConfiguration: overrides.mfaConfiguration } : {}),
        clients: [
          ...pool.clients,
          {
            name: 'password-only',
            id: CLIENT.passwordOnly,
            explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
          },
          {
            name: 'with-secret',
            id: CLIENT.withSecret,
            generateSecret: true,
            explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
          },
          {
            name: 'rotating',
            id: CLIENT.rotating,
            explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH'],
            refreshTokenRotation: true,
          },
          {
            name: 'admin',
            id: CLIENT.admin,
            explicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
          },
        ],
      },
      ...others,
    ],
  };
}

/** An AWS SDK client on the stand-in; admin calls are signed with throwaway keys. */
export const idpClient = (la: TestLocalAws) =>
  new CognitoIdentityProviderClient({
    region: la.info.region,
    endpoint: la.info.endpoint,
    credentials: { accessKeyId: 'AKIALOCALTESTKEY0000', secretAccessKey: 'local-test-secret' },
    maxAttempts: 1,
  });

/** InitiateAuth with USER_PASSWORD_AUTH; `extra` adds auth parameters such as SECRET_HASH. */
export const passwordAuth = (
  la: TestLocalAws,
  clientId: string,
  USERNAME: string,
  PASSWORD: string,
  extra: Record<string, string> = {},
) =>
  idpClient(la).send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: clientId,
      AuthParameters: { USERNAME, PASSWORD, ...extra },
    }),
  );

/** The current RFC 6238 code for a base32 secret, as an authenticator app shows it. */
export const totpCode = (secret: string): string =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate();

/** The client secret the stand-in generated, read back as an administrator would. */
export async function clientSecretOf(la: TestLocalAws, clientId: string): Promise<string> {
  const { UserPoolClient } = await idpClient(la).send(
    new DescribeUserPoolClientCommand({ UserPoolId: la.info.userPoolId, ClientId: clientId }),
  );
  if (!UserPoolClient?.ClientSecret) throw new Error(`client ${clientId} has no secret`);
  return UserPoolClient.ClientSecret;
}

/** Creates a confirmed user with a permanent password, through the admin API. */
export async function createConfirmedUser(
  la: TestLocalAws,
  username: string,
  password: string,
  attributes: Record<string, string> = {},
): Promise<void> {
  const client = idpClient(la);
  const UserPoolId = la.info.userPoolId;
  await client.send(
    new AdminCreateUserCommand({
      UserPoolId,
      Username: username,
      MessageAction: 'SUPPRESS',
      UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
    }),
  );
  await client.send(
    new AdminSetUserPasswordCommand({
      UserPoolId,
      Username: username,
      Password: password,
      Permanent: true,
    }),
  );
}
