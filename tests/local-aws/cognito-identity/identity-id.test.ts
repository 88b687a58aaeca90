import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
} from '@aws-sdk/client-cognito-identity';
import { getIdentityCredentials, loginProvider, mintUserTokens } from '../../helpers/identity';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { SECOND_USER, rejection, withFixedPool } from './fixtures';

// ID tokens come from mintTokens (via mintUserTokens): the user pool's real token code.
let la: TestLocalAws;
beforeAll(async () => {
  la = await startTestLocalAws((base) => withFixedPool(base));
});
afterAll(() => la.dispose());

const client = (running: TestLocalAws) =>
  new CognitoIdentityClient({ region: running.info.region, endpoint: running.info.endpoint });

describe('identity IDs', () => {
  it('stay the same for the same user across sign-ins, and differ between users', async () => {
    const first = await getIdentityCredentials(la, (await mintUserTokens(la)).IdToken);
    const again = await getIdentityCredentials(la, (await mintUserTokens(la)).IdToken);
    const other = await getIdentityCredentials(la, (await mintUserTokens(la, SECOND_USER)).IdToken);
    expect(again.identityId).toBe(first.identityId);
    expect(other.identityId).not.toBe(first.identityId);
    // Each sign-in still gets fresh credentials.
    expect(again.credentials.accessKeyId).not.toBe(first.credentials.accessKeyId);
  });

  it('survive a restart of the stand-in', async () => {
    const before = await getIdentityCredentials(la, (await mintUserTokens(la)).IdToken);
    la = await la.restart();
    const after = await getIdentityCredentials(la, (await mintUserTokens(la)).IdToken);
    expect(after.identityId).toBe(before.identityId);
  });

  it('keep accepting an ID token minted before a restart', async () => {
    const { IdToken } = await mintUserTokens(la);
    const before = await getIdentityCredentials(la, IdToken);
    la = await la.restart();
    const after = await getIdentityCredentials(la, IdToken);
    expect(after.identityId).toBe(before.identityId);
  });

  it('refuse credentials for an identity the logins do not own', async () => {
    const mine = await getIdentityCredentials(la, (await mintUserTokens(la)).IdToken);
    const { IdToken } = await mintUserTokens(la, SECOND_USER);
    const attempt = client(la).send(
      new GetCredentialsForIdentityCommand({
        IdentityId: mine.identityId,
        Logins: { [loginProvider(la)]: IdToken },
      }),
    );
    expect(await rejection(attempt)).toEqual({
      name: 'NotAuthorizedException',
      message: `Access to Identity '${mine.identityId}' is forbidden.`,
      status: 400,
    });
  });

  it('answer ResourceNotFoundException for an identity that does not exist', async () => {
    const { IdToken } = await mintUserTokens(la);
    const missing = 'ap-northeast-1:00000000-0000-0000-0000-000000000001';
    const attempt = client(la).send(
      new GetCredentialsForIdentityCommand({
        IdentityId: missing,
        Logins: { [loginProvider(la)]: IdToken },
      }),
    );
    expect(await rejection(attempt)).toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Identity '${missing}' not found.`,
    });
  });

  it('reject a malformed identity pool ID as invalid input', async () => {
    const attempt = client(la).send(new GetIdCommand({ IdentityPoolId: 'not a pool id' }));
    expect(await rejection(attempt)).toMatchObject({
      name: 'InvalidParameterException',
      status: 400,
    });
  });
});
