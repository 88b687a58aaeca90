import { JwtRsaVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { demoUser, signInWithSrp, type SrpTokens } from '../../helpers/sign-in';

// aws-jwt-verify fetches over https only; this fetcher lets it read the stand-in's http JWKS.
const httpJwksCache = () =>
  new SimpleJwksCache({
    fetcher: {
      fetch: async (uri: string) => {
        const res = await fetch(uri);
        if (!res.ok) throw new Error(`JWKS fetch failed: ${res.status}`);
        return res.arrayBuffer();
      },
    },
  });

describe('tokens verified by aws-jwt-verify through the served JWKS', () => {
  let la: TestLocalAws;
  let tokens: SrpTokens;
  beforeAll(async () => {
    la = await startTestLocalAws();
    const demo = demoUser(la);
    tokens = await signInWithSrp(la, demo.username, demo.password);
  });
  afterAll(async () => {
    await la.dispose();
  });

  const issuer = () => `${la.info.endpoint}/${la.info.userPoolId}`;

  it('serves an OpenID configuration that points at the JWKS', async () => {
    const res = await fetch(`${issuer()}/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      issuer: issuer(),
      jwks_uri: `${issuer()}/.well-known/jwks.json`,
      id_token_signing_alg_values_supported: ['RS256'],
    });
    expect(
      (await fetch(`${la.info.endpoint}/ap-northeast-1_nope/.well-known/jwks.json`)).status,
    ).toBe(404);
  });

  it('accepts the ID token and the access token', async () => {
    const idVerifier = JwtRsaVerifier.create(
      {
        issuer: issuer(),
        audience: la.info.clientId,
        jwksUri: `${issuer()}/.well-known/jwks.json`,
      },
      { jwksCache: httpJwksCache() },
    );
    const id = await idVerifier.verify(tokens.idToken);
    expect(id.token_use).toBe('id');
    // The demo pool signs in by email: the username is the sub, and the email is a claim.
    expect(id['cognito:username']).toBe(id.sub);
    expect(id.email).toBe(demoUser(la).username);

    const accessVerifier = JwtRsaVerifier.create(
      {
        issuer: issuer(),
        audience: null,
        jwksUri: `${issuer()}/.well-known/jwks.json`,
        customJwtCheck: ({ payload }) => {
          if (payload.client_id !== la.info.clientId) throw new Error('wrong client');
        },
      },
      { jwksCache: httpJwksCache() },
    );
    const access = await accessVerifier.verify(tokens.accessToken);
    expect(access.token_use).toBe('access');
  });

  it('rejects a token whose payload was altered', async () => {
    const verifier = JwtRsaVerifier.create(
      {
        issuer: issuer(),
        audience: la.info.clientId,
        jwksUri: `${issuer()}/.well-known/jwks.json`,
      },
      { jwksCache: httpJwksCache() },
    );
    const [header, payload, signature] = tokens.idToken.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'));
    const forged = Buffer.from(
      JSON.stringify({ ...claims, 'cognito:groups': ['admins'] }),
    ).toString('base64url');
    await expect(verifier.verify(`${header}.${forged}.${signature}`)).rejects.toThrow(/signature/i);
  });
});
