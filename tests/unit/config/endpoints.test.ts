import { describe, expect, it } from 'vitest';
import { formatConfigProblem, type ConfigProblem } from '../../../src-main/core/config';
import { configSandbox, expectFailed, expectLoaded, LOCAL_AWS_CONFIG } from './helpers';

// Hakobu sends the ID token to endpoints.cognitoIdentity and the refresh token to
// endpoints.cognitoIdp, so a config file may point them only at AWS or at this computer.

const { endpoints: _endpoints, ...withoutEndpoints } = LOCAL_AWS_CONFIG;

/** Loads a user file whose endpoints are `endpoints`. */
function loadWith(endpoints: Record<string, string>) {
  const box = configSandbox();
  box.write(box.user, { ...withoutEndpoints, endpoints });
  return { box, result: box.load() };
}

/** The single error a user file with `endpoints.cognitoIdentity = value` gets. */
function refusal(value: string): ConfigProblem {
  const { box, result } = loadWith({ cognitoIdentity: value });
  const errors = expectFailed(result);
  expect(errors).toHaveLength(1);
  const [error] = errors;
  if (!error) throw new Error('unreachable');
  expect(error).toMatchObject({ file: box.user, field: 'endpoints.cognitoIdentity' });
  return error;
}

describe('where endpoints may point', () => {
  it.each([
    'https://cognito-idp.ap-northeast-1.amazonaws.com',
    'https://cognito-idp-fips.us-east-1.amazonaws.com',
    'https://vpce-0a1b2c3d4e5f-abcdefgh.s3.us-east-1.vpce.amazonaws.com',
    'https://vpce-0a1b2c3d4e5f-abcdefgh.cognito-idp.us-east-1.vpce.amazonaws.com/',
    'https://s3.cn-north-1.amazonaws.com.cn',
    'https://Cognito-Identity.AP-NORTHEAST-1.amazonaws.com:443/',
    'http://127.0.0.1:4566',
    'http://127.0.0.2:4566',
    'https://127.0.0.1:4566/stand-in',
    'http://[::1]:4566',
    'http://localhost:4566',
  ])('accepts %s (AWS over https, or this computer)', (endpoint) => {
    const { result } = loadWith({ cognitoIdp: endpoint, cognitoIdentity: endpoint, s3: endpoint });
    expect(expectLoaded(result).config.endpoints.cognitoIdentity).toBe(endpoint);
  });

  it('refuses a host that is neither AWS nor this computer, naming the field and the way out', () => {
    const error = refusal('http://hakobu-catcher.example:8080');
    expect(error.code).toBe('CONFIG_ENDPOINT_NOT_ALLOWED');
    expect(formatConfigProblem(error)).toContain(
      `endpoints.cognitoIdentity "http://hakobu-catcher.example:8080" points at hakobu-catcher.example, which is neither AWS`,
    );
    expect(error.message).toContain("sends the user's sign-in tokens to this address");
    expect(error.fix).toContain('Remove it to use AWS itself');
    expect(error.fix).toContain('"http://127.0.0.1:4566"');
  });

  it('refuses the cognitoIdp endpoint, which receives the refresh token, the same way', () => {
    const { box, result } = loadWith({ cognitoIdp: 'https://idp.hakobu-catcher.example' });
    expect(expectFailed(result)).toEqual([
      expect.objectContaining({
        code: 'CONFIG_ENDPOINT_NOT_ALLOWED',
        file: box.user,
        field: 'endpoints.cognitoIdp',
      }),
    ]);
  });

  it.each([
    ['https://amazonaws.com.evil.example', 'CONFIG_ENDPOINT_NOT_ALLOWED'],
    ['https://evilamazonaws.com', 'CONFIG_ENDPOINT_NOT_ALLOWED'],
    ['https://amazonaws.com', 'CONFIG_ENDPOINT_NOT_ALLOWED'],
    ['https://cognito-idp.us-east-1.amazonaws.com.cn.evil.example', 'CONFIG_ENDPOINT_NOT_ALLOWED'],
    ['https://localhost.evil.example', 'CONFIG_ENDPOINT_NOT_ALLOWED'],
    ['http://127.0.0.1.nip.io', 'CONFIG_ENDPOINT_NOT_ALLOWED'],
    ['http://[::ffff:7f00:1]', 'CONFIG_ENDPOINT_NOT_ALLOWED'],
    ['http://10.0.0.8:4566', 'CONFIG_ENDPOINT_NOT_ALLOWED'],
    ['https://x@evil.example', 'CONFIG_ENDPOINT_INVALID'],
    ['https://cognito-idp.us-east-1.amazonaws.com@evil.example', 'CONFIG_ENDPOINT_INVALID'],
    ['https://cognito-idp.us-east-1.amazonaws.com:443@evil.example', 'CONFIG_ENDPOINT_INVALID'],
    ['https://evil.example\\@cognito-idp.us-east-1.amazonaws.com', 'CONFIG_ENDPOINT_INVALID'],
    ['https://evil.example\\.amazonaws.com', 'CONFIG_ENDPOINT_INVALID'],
    ['https://evil.example#.amazonaws.com', 'CONFIG_ENDPOINT_INVALID'],
    ['https://evil.example?.amazonaws.com', 'CONFIG_ENDPOINT_INVALID'],
    ['https://evil%2eexample.amazonaws.com', 'CONFIG_ENDPOINT_INVALID'],
    ['http://0x7f.1:4566', 'CONFIG_ENDPOINT_INVALID'],
    ['http://2130706433:4566', 'CONFIG_ENDPOINT_INVALID'],
    ['http://0177.0.0.1:4566', 'CONFIG_ENDPOINT_INVALID'],
    ['http://[0:0:0:0:0:0:0:1]:4566', 'CONFIG_ENDPOINT_INVALID'],
    ['https://cognito-idp.us-east-1.amazonaws.com.', 'CONFIG_ENDPOINT_INVALID'],
    ['http://localhost.:4566', 'CONFIG_ENDPOINT_INVALID'],
    ['ftp://127.0.0.1', 'CONFIG_ENDPOINT_INVALID'],
    ['localhost:4566', 'CONFIG_ENDPOINT_INVALID'],
  ])('refuses %s', (endpoint, code) => {
    expect(refusal(endpoint).code).toBe(code);
  });

  it('asks for https when an AWS endpoint is written with http', () => {
    const error = refusal('http://cognito-identity.ap-northeast-1.amazonaws.com');
    expect(error.code).toBe('CONFIG_ENDPOINT_NOT_ALLOWED');
    expect(error.message).toContain('unencrypted');
    expect(error.fix).toBe(
      'Write it with https:// instead: "https://cognito-identity.ap-northeast-1.amazonaws.com".',
    );
  });

  it('says what an odd host means instead of guessing, and how to write it', () => {
    const odd = refusal('http://0x7f.1:4566');
    expect(odd.message).toContain('writes its host as "0x7f.1", which means "127.0.0.1"');
    expect(odd.fix).toBe('Write the host as "127.0.0.1".');
    const userInfo = refusal('https://cognito-idp.us-east-1.amazonaws.com@evil.example');
    expect(userInfo.message).toContain('user name or password before "@"');
    expect(refusal('http://localhost.:4566').fix).toBe('Remove the trailing dot: "localhost".');
  });
});
