import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CognitoJwtVerifier, JwtRsaVerifier } from 'aws-jwt-verify';
import { beforeAll, describe, expect, test } from 'vitest';
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

  // CognitoJwtVerifier takes a pool ID, not an issuer: it accepts only iss
  // https://cognito-idp.<region>.amazonaws.com/<pool> and fetches the JWKS from that AWS host,
  // so it can check tokens of a stand-in that names its own (reachable) origin only by refusing
  // them. This pins that behaviour, so a change of issuer shape is a decision, not an accident.
  test('CognitoJwtVerifier refuses the tokens before any fetch: its issuer is fixed to AWS', async () => {
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
