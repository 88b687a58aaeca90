import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CognitoIdentityClient,
  DescribeIdentityPoolCommand,
  GetIdentityPoolRolesCommand,
} from '@aws-sdk/client-cognito-identity';
import { loginProvider, mintUserTokens } from '../../helpers/identity';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { AUTHENTICATED_ROLE_ARN, IDENTITY_POOL_ID, rejection, withFixedPool } from './fixtures';

let la: TestLocalAws;
beforeAll(async () => {
  la = await startTestLocalAws((base) =>
    withFixedPool(base, {
      roleMapping: { type: 'Token', ambiguousRoleResolution: 'AuthenticatedRole' },
    }),
  );
});
afterAll(() => la.dispose());

// Doctor signs these calls with whatever developer credentials it has; any signature is accepted.
const signedClient = () =>
  new CognitoIdentityClient({
    region: la.info.region,
    endpoint: la.info.endpoint,
    credentials: { accessKeyId: 'AKIAEXAMPLEDOCTOR000', secretAccessKey: 'doctor-secret' },
  });

describe('developer operations for doctor', () => {
  it('DescribeIdentityPool shows the pool, its providers and whether guests are allowed', async () => {
    const pool = await signedClient().send(
      new DescribeIdentityPoolCommand({ IdentityPoolId: IDENTITY_POOL_ID }),
    );
    expect(pool).toMatchObject({
      IdentityPoolId: IDENTITY_POOL_ID,
      IdentityPoolName: 'hakobu-local-identities',
      AllowUnauthenticatedIdentities: false,
      // Both app clients of the default pool: the password client and the managed-login one.
      CognitoIdentityProviders: [
        { ProviderName: loginProvider(la), ClientId: la.info.clientId },
        { ProviderName: loginProvider(la), ClientId: la.info.managedLogin?.clientId },
      ],
    });
  });

  it('GetIdentityPoolRoles shows the roles and the token role mapping', async () => {
    const roles = await signedClient().send(
      new GetIdentityPoolRolesCommand({ IdentityPoolId: IDENTITY_POOL_ID }),
    );
    expect(roles.Roles).toEqual({ authenticated: AUTHENTICATED_ROLE_ARN });
    const tokenMapping = { Type: 'Token', AmbiguousRoleResolution: 'AuthenticatedRole' };
    expect(roles.RoleMappings).toEqual({
      [`${loginProvider(la)}:${la.info.clientId}`]: tokenMapping,
      [`${loginProvider(la)}:${la.info.managedLogin?.clientId ?? ''}`]: tokenMapping,
    });
  });

  it('an unsigned call is refused as AWS does', async () => {
    const res = await fetch(la.info.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityService.DescribeIdentityPool',
      },
      body: JSON.stringify({ IdentityPoolId: IDENTITY_POOL_ID }),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException:');
    expect(await res.json()).toEqual({
      __type: 'MissingAuthenticationTokenException',
      message: 'Missing Authentication Token',
    });
  });

  it('an unknown pool is ResourceNotFoundException', async () => {
    const missing = 'ap-northeast-1:00000000-0000-0000-0000-000000000000';
    expect(
      await rejection(
        signedClient().send(new DescribeIdentityPoolCommand({ IdentityPoolId: missing })),
      ),
    ).toEqual({
      name: 'ResourceNotFoundException',
      message: `IdentityPool '${missing}' not found.`,
      status: 400,
    });
  });
});

describe('the AWS CLI against the stand-in', () => {
  const run = promisify(execFile);
  let home: string;
  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'hakobu-aws-cli-'));
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  async function aws(args: string[]): Promise<unknown> {
    const { stdout } = await run(
      '/usr/bin/aws',
      [...args, '--endpoint-url', la.info.endpoint, '--region', la.info.region, '--output', 'json'],
      {
        env: {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          HOME: home,
          AWS_ACCESS_KEY_ID: 'AKIAEXAMPLEDOCTOR000',
          AWS_SECRET_ACCESS_KEY: 'doctor-secret',
          AWS_CONFIG_FILE: join(home, 'config'),
          AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
        },
      },
    );
    return JSON.parse(stdout) as unknown;
  }

  it('gets an identity and credentials from an ID token, and describes the pool', async () => {
    const { IdToken } = await mintUserTokens(la);
    const logins = `${loginProvider(la)}=${IdToken}`;
    const { IdentityId } = (await aws([
      'cognito-identity',
      'get-id',
      '--identity-pool-id',
      IDENTITY_POOL_ID,
      '--logins',
      logins,
    ])) as { IdentityId: string };
    expect(IdentityId).toMatch(/^ap-northeast-1:/);
    const result = (await aws([
      'cognito-identity',
      'get-credentials-for-identity',
      '--identity-id',
      IdentityId,
      '--logins',
      logins,
    ])) as {
      Credentials: { AccessKeyId: string; Expiration: string };
    };
    expect(result.Credentials.AccessKeyId).toMatch(/^ASIA/);
    expect(new Date(result.Credentials.Expiration).getTime()).toBeGreaterThan(Date.now());
    const pool = (await aws([
      'cognito-identity',
      'describe-identity-pool',
      '--identity-pool-id',
      IDENTITY_POOL_ID,
    ])) as { IdentityPoolName: string };
    expect(pool.IdentityPoolName).toBe('hakobu-local-identities');
  });
});
