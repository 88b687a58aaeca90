import { afterEach, describe, expect, it } from 'vitest';
import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
} from '@aws-sdk/client-cognito-identity';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import { getIdentityCredentials, loginProvider, mintUserTokens } from '../../helpers/identity';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import {
  GUEST_ROLE_ARN,
  IDENTITY_POOL_ID,
  guestTrustPolicy,
  rejection,
  withFixedPool,
} from './fixtures';

// Hakobu never uses guest identities; doctor only warns when a pool allows them. These tests pin
// down that the stand-in refuses them by default and serves them faithfully when enabled.
let la: TestLocalAws | undefined;
afterEach(async () => {
  await la?.dispose();
  la = undefined;
});

const guestPool = (base: Parameters<typeof withFixedPool>[0], withRole = true) => ({
  ...withFixedPool(base, {
    allowUnauthenticatedIdentities: true,
    roles: {
      authenticated: base.identityPools[0]?.roles.authenticated,
      ...(withRole ? { unauthenticated: GUEST_ROLE_ARN } : {}),
    },
  }),
  roles: [
    ...base.roles,
    {
      arn: GUEST_ROLE_ARN,
      trustPolicy: guestTrustPolicy(IDENTITY_POOL_ID),
      policy: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }],
      },
    },
  ],
});

const client = (running: TestLocalAws) =>
  new CognitoIdentityClient({ region: running.info.region, endpoint: running.info.endpoint });

describe('unauthenticated identities', () => {
  it('are refused by default, with Cognito’s message', async () => {
    la = await startTestLocalAws();
    const guest = fromCognitoIdentityPool({
      identityPoolId: la.info.identityPoolId,
      clientConfig: { region: la.info.region, endpoint: la.info.endpoint },
    });
    expect(await rejection(guest())).toEqual({
      name: 'NotAuthorizedException',
      message: 'Unauthenticated access is not supported for this identity pool.',
      status: 400,
    });
  });

  it('get the guest role when the pool allows them, a new identity each time', async () => {
    const running = (la = await startTestLocalAws((base) => guestPool(base)));
    const first = await client(running).send(
      new GetIdCommand({ IdentityPoolId: IDENTITY_POOL_ID }),
    );
    const second = await client(running).send(
      new GetIdCommand({ IdentityPoolId: IDENTITY_POOL_ID }),
    );
    expect(first.IdentityId).toMatch(/^ap-northeast-1:/);
    expect(second.IdentityId).not.toBe(first.IdentityId);

    const { Credentials } = await client(running).send(
      new GetCredentialsForIdentityCommand({ IdentityId: first.IdentityId }),
    );
    expect(Credentials?.AccessKeyId).toMatch(/^ASIA/);
    const stored = running.context.state.credentials[Credentials?.AccessKeyId ?? ''];
    expect(stored?.roleArn).toBe(GUEST_ROLE_ARN);
    expect(stored?.amr).toEqual(['unauthenticated']);
  });

  it('fail with the configuration error when the pool has no guest role', async () => {
    const running = (la = await startTestLocalAws((base) => guestPool(base, false)));
    const { IdentityId } = await client(running).send(
      new GetIdCommand({ IdentityPoolId: IDENTITY_POOL_ID }),
    );
    expect(
      await rejection(client(running).send(new GetCredentialsForIdentityCommand({ IdentityId }))),
    ).toMatchObject({
      name: 'InvalidIdentityPoolConfigurationException',
    });
  });

  it('cannot borrow a signed-in user’s identity', async () => {
    const running = (la = await startTestLocalAws((base) => guestPool(base)));
    const { identityId } = await getIdentityCredentials(
      running,
      (await mintUserTokens(running)).IdToken,
    );
    expect(
      await rejection(
        client(running).send(new GetCredentialsForIdentityCommand({ IdentityId: identityId })),
      ),
    ).toMatchObject({
      name: 'NotAuthorizedException',
      message: `Access to Identity '${identityId}' is forbidden.`,
    });
  });

  it('become the user’s identity when the guest signs in', async () => {
    const running = (la = await startTestLocalAws((base) => guestPool(base)));
    const { IdentityId } = await client(running).send(
      new GetIdCommand({ IdentityPoolId: IDENTITY_POOL_ID }),
    );
    const { IdToken } = await mintUserTokens(running);
    await client(running).send(
      new GetCredentialsForIdentityCommand({
        IdentityId,
        Logins: { [loginProvider(running)]: IdToken },
      }),
    );
    const signedIn = await getIdentityCredentials(running, IdToken);
    expect(signedIn.identityId).toBe(IdentityId);
  });
});
