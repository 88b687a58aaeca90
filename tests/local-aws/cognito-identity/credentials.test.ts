import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import { getIdentityCredentials, loginProvider, mintUserTokens } from '../../helpers/identity';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { AUTHENTICATED_ROLE_ARN, rejection, resignToken } from './fixtures';

// ID and access tokens come from mintTokens (via mintUserTokens): the user pool's real token code.
let la: TestLocalAws;
beforeAll(async () => {
  la = await startTestLocalAws();
});
afterAll(() => la.dispose());

function provider(logins: Record<string, string>, identityPoolId = la.info.identityPoolId) {
  return fromCognitoIdentityPool({
    identityPoolId,
    logins,
    clientConfig: { region: la.info.region, endpoint: la.info.endpoint },
  });
}

describe('fromCognitoIdentityPool against the stand-in', () => {
  it('turns an ID token into temporary credentials for the authenticated role', async () => {
    const { IdToken } = await mintUserTokens(la);
    const before = Date.now();
    const { identityId, credentials } = await getIdentityCredentials(la, IdToken);

    expect(identityId).toMatch(/^ap-northeast-1:[0-9a-f-]{36}$/);
    expect(credentials.accessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(credentials.secretAccessKey).toHaveLength(40);
    expect(credentials.sessionToken.length).toBeGreaterThan(300);
    // Default lifetime is one hour; the SDK refreshes only credentials that carry an expiration.
    const lifetime = credentials.expiration.getTime() - before;
    expect(lifetime).toBeGreaterThan(3_500_000);
    expect(lifetime).toBeLessThanOrEqual(3_601_000);

    // S3 finds the caller by access key ID, with the role and identity the policy needs.
    const stored = la.context.state.credentials[credentials.accessKeyId];
    expect(stored).toMatchObject({
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
      identityId,
      identityPoolId: la.info.identityPoolId,
      roleArn: AUTHENTICATED_ROLE_ARN,
      expiration: credentials.expiration.getTime(),
    });
    expect(stored?.amr?.[0]).toBe('authenticated');
  });

  it('refuses an access token with the real "Missing a required claim: aud" error', async () => {
    const { AccessToken } = await mintUserTokens(la);
    expect(await rejection(provider({ [loginProvider(la)]: AccessToken })())).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid login token. Missing a required claim: aud',
      status: 400,
    });
  });

  it('refuses an expired ID token, naming both times', async () => {
    const { IdToken } = await mintUserTokens(la);
    const expired = await resignToken(la, IdToken, (claims) => ({ ...claims, exp: 1_700_000_000 }));
    const error = await rejection(provider({ [loginProvider(la)]: expired })());
    expect(error.name).toBe('NotAuthorizedException');
    expect(error.message).toMatch(/^Invalid login token\. Token expired: \d+ >= 1700000000$/);
  });

  it('refuses a token whose signature does not verify', async () => {
    const { IdToken } = await mintUserTokens(la);
    const [header, payload, signature = ''] = IdToken.split('.');
    const flipped = `${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    expect(
      await rejection(provider({ [loginProvider(la)]: `${header}.${payload}.${flipped}` })()),
    ).toMatchObject({
      name: 'NotAuthorizedException',
      message: "Invalid login token. Couldn't verify signed token.",
    });
  });

  it('refuses something that is not a JWT', async () => {
    expect(await rejection(provider({ [loginProvider(la)]: 'not-a-token' })())).toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Invalid login token. Not a valid OpenId Connect identity token.',
    });
  });

  it('refuses a token for an app client the identity pool does not list', async () => {
    const { IdToken } = await mintUserTokens(la);
    const foreign = await resignToken(la, IdToken, (claims) => ({
      ...claims,
      aud: 'someotherclientid000000000',
    }));
    expect(await rejection(provider({ [loginProvider(la)]: foreign })())).toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Token is not from a supported provider of this identity pool.',
    });
  });

  it('refuses a Logins key that is not a provider of the pool', async () => {
    const { IdToken } = await mintUserTokens(la);
    const wrongKey = loginProvider(la, 'ap-northeast-1_NotMyPool');
    expect(await rejection(provider({ [wrongKey]: IdToken })())).toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Token is not from a supported provider of this identity pool.',
    });
  });

  it('answers ResourceNotFoundException for an identity pool that does not exist', async () => {
    const { IdToken } = await mintUserTokens(la);
    const missing = 'ap-northeast-1:00000000-0000-0000-0000-000000000000';
    expect(await rejection(provider({ [loginProvider(la)]: IdToken }, missing)())).toEqual({
      name: 'ResourceNotFoundException',
      message: `IdentityPool '${missing}' not found.`,
      status: 400,
    });
  });
});

describe('credential lifetime', () => {
  it('is capped by faults.credentialLifetimeSeconds', async () => {
    await la.setFaults({ credentialLifetimeSeconds: 120 });
    try {
      const { IdToken } = await mintUserTokens(la);
      const before = Date.now();
      const { credentials } = await getIdentityCredentials(la, IdToken);
      const lifetime = credentials.expiration.getTime() - before;
      expect(lifetime).toBeGreaterThan(100_000);
      expect(lifetime).toBeLessThanOrEqual(121_000);
    } finally {
      await la.setFaults({ credentialLifetimeSeconds: 3600 });
    }
  });

  it('follows the identity pool’s own setting when it is shorter', async () => {
    const short = await startTestLocalAws((base) => ({
      ...base,
      identityPools: base.identityPools.map((p) => ({ ...p, credentialLifetimeSeconds: 900 })),
    }));
    try {
      const { IdToken } = await mintUserTokens(short);
      const before = Date.now();
      const { credentials } = await getIdentityCredentials(short, IdToken);
      const lifetime = credentials.expiration.getTime() - before;
      expect(lifetime).toBeGreaterThan(800_000);
      expect(lifetime).toBeLessThanOrEqual(901_000);
    } finally {
      await short.dispose();
    }
  });
});
