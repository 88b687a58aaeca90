import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CognitoJwtVerifier, JwtRsaVerifier } from 'aws-jwt-verify';
import type { Jwks } from 'aws-jwt-verify/jwk';
import { beforeAll, describe, expect, test } from 'vitest';
import { defaultSetup } from '../../../local-aws/setup/default-setup';
import { useFileFixture } from '../../helpers/file-fixture';
import { getIdentityCredentials } from '../../helpers/identity';
import { startTestLocalAws } from '../../helpers/local-aws';
import { demoUser, signInWithSrp, type SrpTokens } from '../../helpers/sign-in';
import { announceVersion, useForeignStandIn } from './foreign-kit';

// The package exports no ./package.json, so its version is read beside its entry point.
const entry = createRequire(import.meta.url).resolve('aws-jwt-verify');
const version = (
  JSON.parse(readFileSync(join(dirname(entry), '../../package.json'), 'utf8')) as {
    version: string;
  }
).version;
const standIn = useForeignStandIn();

/** An ID token with one claim changed and the signature kept: what a forger would send. */
function tampered(token: string): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as object;
  const forged = Buffer.from(JSON.stringify({ ...claims, 'cognito:groups': ['admins'] }));
  return `${header}.${forged.toString('base64url')}.${signature}`;
}

describe(`aws-jwt-verify ${version}`, () => {
  let tokens: SrpTokens;
  /** What the tokens name as iss: the stand-in's https origin and the pool. */
  const issuer = () => `${standIn().la.tls.endpoint}/${standIn().la.info.userPoolId}`;

  beforeAll(async () => {
    announceVersion('aws-jwt-verify', version);
    const { la } = standIn();
    const { username, password } = demoUser(la);
    // Signed in over https too, with amazon-cognito-identity-js, as the app signs in.
    tokens = await signInWithSrp(la, username, password, { endpoint: la.tls.endpoint });
  });

  test('the issuer serves an OpenID configuration over https that names the https JWKS', async () => {
    const res = await fetch(`${issuer()}/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      issuer: issuer(),
      jwks_uri: `${issuer()}/.well-known/jwks.json`,
      id_token_signing_alg_values_supported: ['RS256'],
    });
    const unknownPool = `${standIn().la.tls.endpoint}/ap-northeast-1_nope/.well-known/jwks.json`;
    expect((await fetch(unknownPool)).status).toBe(404);
  });

  // No fetcher and no JWKS cache are given: the verifier fetches `${issuer}/.well-known/jwks.json`
  // with its own https client, which refused the stand-in's old http issuer outright.
  test('JwtRsaVerifier, given only the issuer, verifies the ID token with the JWKS it fetched', async () => {
    const verifier = JwtRsaVerifier.create({
      issuer: issuer(),
      audience: standIn().la.info.clientId,
    });
    const id = await verifier.verify(tokens.idToken);
    expect(id.token_use).toBe('id');
    expect(id.email).toBe(demoUser(standIn().la).username);
  });

  test('JwtRsaVerifier verifies the access token (client_id checked, as it has no aud)', async () => {
    const verifier = JwtRsaVerifier.create({
      issuer: issuer(),
      audience: null,
      customJwtCheck: ({ payload }) => {
        if (payload.client_id !== standIn().la.info.clientId) throw new Error('wrong client');
      },
    });
    const access = await verifier.verify(tokens.accessToken);
    expect(access.token_use).toBe('access');
    expect(access.scope).toBe('aws.cognito.signin.user.admin');
  });

  test('a token whose payload was altered is refused for its signature', async () => {
    const verifier = JwtRsaVerifier.create({
      issuer: issuer(),
      audience: standIn().la.info.clientId,
    });
    await expect(verifier.verify(tampered(tokens.idToken))).rejects.toThrow(/signature/i);
  });

  // CognitoJwtVerifier takes a pool ID, not an issuer: it accepts only AWS's own issuer host, so a
  // stand-in that names its own origin is refused before any fetch (see --token-issuer aws below).
  test('CognitoJwtVerifier refuses tokens that name the stand-in as issuer', async () => {
    const { la } = standIn();
    const verifier = CognitoJwtVerifier.create({
      userPoolId: la.info.userPoolId,
      tokenUse: 'id',
      clientId: la.info.clientId,
    });
    await expect(verifier.verify(tokens.idToken)).rejects.toThrow(
      `issuer not configured: ${issuer()}`,
    );
  });
});

// Started with --token-issuer aws, the stand-in's tokens name https://cognito-idp.<region>.
// amazonaws.com/<pool>, as Cognito's do. CognitoJwtVerifier would fetch the JWKS from that host,
// which is AWS, not here; so it is handed the JWKS this stand-in serves over https through its own
// cacheJwks (meant for offline use), and no fetcher at all.
describe(`aws-jwt-verify ${version} CognitoJwtVerifier, against a stand-in naming AWS's issuer`, () => {
  const awsIssuerStandIn = useFileFixture(
    async () => {
      const la = await startTestLocalAws(defaultSetup(), undefined, { tokenIssuer: 'aws' });
      const { username, password } = demoUser(la);
      const tokens = await signInWithSrp(la, username, password, { endpoint: la.tls.endpoint });
      const res = await fetch(`${la.tls.endpoint}/${la.info.userPoolId}/.well-known/jwks.json`);
      return { la, tokens, jwks: (await res.json()) as Jwks };
    },
    ({ la }) => la.dispose(),
  );
  const verifierFor = (tokenUse: 'id' | 'access') => {
    const { la, jwks } = awsIssuerStandIn();
    const verifier = CognitoJwtVerifier.create({
      userPoolId: la.info.userPoolId,
      tokenUse,
      clientId: la.info.clientId,
    });
    verifier.cacheJwks(jwks);
    return verifier;
  };

  test('the OpenID configuration names AWS as issuer and the JWKS served here over https', async () => {
    const { la } = awsIssuerStandIn();
    const pool = la.info.userPoolId;
    const res = await fetch(`${la.tls.endpoint}/${pool}/.well-known/openid-configuration`);
    expect(await res.json()).toMatchObject({
      issuer: `https://cognito-idp.${la.info.region}.amazonaws.com/${pool}`,
      jwks_uri: `${la.tls.endpoint}/${pool}/.well-known/jwks.json`,
    });
  });

  test('verifies the ID token and the access token', async () => {
    const { la, tokens } = awsIssuerStandIn();
    const id = await verifierFor('id').verify(tokens.idToken);
    expect(id.email).toBe(demoUser(la).username);
    const access = await verifierFor('access').verify(tokens.accessToken);
    expect(access.client_id).toBe(la.info.clientId);
  });

  test('refuses a tampered ID token and an access token offered as an ID token', async () => {
    const { tokens } = awsIssuerStandIn();
    await expect(verifierFor('id').verify(tampered(tokens.idToken))).rejects.toThrow(/signature/i);
    await expect(verifierFor('id').verify(tokens.accessToken)).rejects.toThrow(/token use/i);
  });

  test('the Identity Pool still accepts its ID token (the Logins key is the issuer host and pool)', async () => {
    const { la, tokens } = awsIssuerStandIn();
    const me = await getIdentityCredentials(la, tokens.idToken);
    expect(me.identityId).toMatch(/^ap-northeast-1:/);
  });
});
