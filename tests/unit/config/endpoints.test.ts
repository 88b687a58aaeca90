import { describe, expect, it } from 'vitest';
import { formatConfigProblem, type ConfigProblem } from '../../../src-main/core/config';
import { configSandbox, expectFailed, expectLoaded, LOCAL_AWS_CONFIG } from './helpers';

// Hakobu sends the ID token to endpoints.cognitoIdentity and the refresh token and passwords to
// endpoints.cognitoIdp, so a config file may point each only at that service on AWS or at this
// computer: not at another host under amazonaws.com, which a customer may own.

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

type EndpointField = 'cognitoIdp' | 'cognitoIdentity' | 's3';

/** The single error a user file with `endpoints[field] = value` gets. */
function refusalOf(field: EndpointField, value: string): ConfigProblem {
  const { box, result } = loadWith({ [field]: value });
  const errors = expectFailed(result);
  expect(errors).toHaveLength(1);
  const [error] = errors;
  if (!error) throw new Error('unreachable');
  expect(error).toMatchObject({ file: box.user, field: `endpoints.${field}` });
  return error;
}

describe('where endpoints may point', () => {
  it.each<[EndpointField, string]>([
    ['cognitoIdp', 'https://cognito-idp.ap-northeast-1.amazonaws.com'],
    ['cognitoIdp', 'https://cognito-idp-fips.us-east-1.amazonaws.com'],
    ['cognitoIdp', 'https://cognito-idp-fips.us-gov-west-1.amazonaws.com'],
    ['cognitoIdp', 'https://vpce-0a1b2c3d4e5f-abcdefgh.cognito-idp.us-east-1.vpce.amazonaws.com/'],
    [
      'cognitoIdp',
      'https://vpce-0a1b2c3d4e5f-abcdefgh-us-east-1a.cognito-idp.us-east-1.vpce.amazonaws.com',
    ],
    ['cognitoIdentity', 'https://cognito-identity.cn-north-1.amazonaws.com.cn'],
    ['cognitoIdentity', 'https://cognito-identity-fips.us-east-1.amazonaws.com'],
    ['cognitoIdentity', 'https://Cognito-Identity.AP-NORTHEAST-1.amazonaws.com:443/'],
    [
      'cognitoIdentity',
      'https://vpce-0a1b2c3d-abcdefgh.cognito-identity.eu-west-1.vpce.amazonaws.com',
    ],
    ['s3', 'https://s3.ap-northeast-1.amazonaws.com'],
    ['s3', 'https://s3.cn-north-1.amazonaws.com.cn'],
    ['s3', 'https://s3-fips.us-east-1.amazonaws.com'],
    ['s3', 'https://s3.dualstack.ap-northeast-1.amazonaws.com'],
    ['s3', 'https://s3-fips.dualstack.us-east-1.amazonaws.com'],
    ['s3', 'https://s3.amazonaws.com'],
    ['s3', 'https://bucket.vpce-0a1b2c3d4e5f-abcdefgh.s3.us-east-1.vpce.amazonaws.com'],
    ['s3', 'https://accesspoint.vpce-0a1b2c3d4e5f-abcdefgh.s3.us-east-1.vpce.amazonaws.com'],
    ['s3', 'https://vpce-0a1b2c3d4e5f-abcdefgh.s3.us-east-1.vpce.amazonaws.com'],
  ])('accepts endpoints.%s = %s (that service on AWS, over https)', (field, endpoint) => {
    const { result } = loadWith({ [field]: endpoint });
    expect(expectLoaded(result).config.endpoints[field]).toBe(endpoint);
  });

  it.each([
    'http://127.0.0.1:4566',
    'http://127.0.0.2:4566',
    'https://127.0.0.1:4566/stand-in',
    'http://[::1]:4566',
    'http://localhost:4566',
  ])('accepts %s for every service (a stand-in on this computer)', (endpoint) => {
    const { result } = loadWith({ cognitoIdp: endpoint, cognitoIdentity: endpoint, s3: endpoint });
    expect(expectLoaded(result).config.endpoints).toEqual({
      cognitoIdp: endpoint,
      cognitoIdentity: endpoint,
      s3: endpoint,
    });
  });

  // Hosts under amazonaws.com that a customer (an attacker) can own, and other services' hosts:
  // each field takes only its own service's endpoints.
  it.each<[EndpointField, string]>([
    ['cognitoIdp', 'https://a1b2c3d4e5.execute-api.ap-northeast-1.amazonaws.com'],
    ['cognitoIdentity', 'https://a1b2c3d4e5.execute-api.ap-northeast-1.amazonaws.com'],
    ['s3', 'https://a1b2c3d4e5.execute-api.ap-northeast-1.amazonaws.com'],
    ['cognitoIdp', 'https://catcher-123456.ap-northeast-1.elb.amazonaws.com'],
    ['cognitoIdp', 'https://ec2-203-0-113-5.ap-northeast-1.compute.amazonaws.com'],
    ['cognitoIdp', 'https://my-bucket.s3-website-ap-northeast-1.amazonaws.com'],
    ['cognitoIdp', 'https://s3.ap-northeast-1.amazonaws.com'],
    ['cognitoIdp', 'https://cognito-identity.ap-northeast-1.amazonaws.com'],
    ['cognitoIdp', 'https://vpce-0a1b2c3d-abcdefgh.s3.us-east-1.vpce.amazonaws.com'],
    [
      'cognitoIdp',
      'https://vpce-0a1b2c3d-abcdefgh.vpce-svc-0123456789abcdef0.us-east-1.vpce.amazonaws.com',
    ],
    ['cognitoIdp', 'https://cognito-idp.ap-northeast-1.amazonaws.com.evil.amazonaws.com'],
    ['cognitoIdp', 'https://x.cognito-idp.ap-northeast-1.amazonaws.com'],
    ['cognitoIdentity', 'https://cognito-idp.ap-northeast-1.amazonaws.com'],
    ['cognitoIdentity', 'https://sts.amazonaws.com'],
    ['cognitoIdentity', 'https://vpce-0a1b2c3d-abcdefgh.cognito-idp.us-east-1.vpce.amazonaws.com'],
    ['s3', 'https://cognito-idp.ap-northeast-1.amazonaws.com'],
    ['s3', 'https://my-bucket.s3.ap-northeast-1.amazonaws.com'],
    ['s3', 'https://evil.vpce-0a1b2c3d-abcdefgh.s3.us-east-1.vpce.amazonaws.com'],
  ])('refuses endpoints.%s = %s (not that service on AWS)', (field, endpoint) => {
    const error = refusalOf(field, endpoint);
    expect(error.code).toBe('CONFIG_ENDPOINT_NOT_ALLOWED');
    expect(error.params.reason).toBe('not-this-service');
  });

  it.each([
    'https://abc123.lambda-url.ap-northeast-1.on.aws',
    'https://cognito-idp.ap-northeast-1.api.aws.evil.example',
  ])('refuses %s, which is not under amazonaws.com at all', (endpoint) => {
    expect(refusalOf('cognitoIdp', endpoint).params.reason).toBe('not-aws-or-loopback');
  });

  it('names the field and the host forms its service allows when refusing an API Gateway host', () => {
    const apiGateway = 'https://a1b2c3d4e5.execute-api.ap-northeast-1.amazonaws.com';
    const idp = refusalOf('cognitoIdp', apiGateway);
    expect(formatConfigProblem(idp)).toContain(
      `endpoints.cognitoIdp "${apiGateway}" points at a1b2c3d4e5.execute-api.ap-northeast-1.amazonaws.com, which is an AWS host but not an Amazon Cognito user pools endpoint`,
    );
    expect(idp.message).toContain(
      'endpoints.cognitoIdp may only be an https:// address at cognito-idp.<region>.amazonaws.com, cognito-idp-fips.<region>.amazonaws.com, vpce-<id>.cognito-idp.<region>.vpce.amazonaws.com (or the same under amazonaws.com.cn), or an http(s):// address on this computer',
    );
    expect(idp.fix).toContain('"https://cognito-idp.ap-northeast-1.amazonaws.com"');

    const s3 = refusalOf('s3', apiGateway);
    expect(s3.message).toContain('but not an Amazon S3 endpoint');
    expect(s3.message).toContain(
      's3.<region>.amazonaws.com, s3-fips.<region>.amazonaws.com, s3.dualstack.<region>.amazonaws.com',
    );
    expect(s3.message).toContain('bucket.vpce-<id>.s3.<region>.vpce.amazonaws.com');
    expect(s3.fix).toContain('"https://s3.ap-northeast-1.amazonaws.com"');
  });

  it('refuses a host that is neither AWS nor this computer, naming the field and the way out', () => {
    const error = refusal('http://hakobu-catcher.example:8080');
    expect(error.code).toBe('CONFIG_ENDPOINT_NOT_ALLOWED');
    expect(formatConfigProblem(error)).toContain(
      `endpoints.cognitoIdentity "http://hakobu-catcher.example:8080" points at hakobu-catcher.example, which is neither an Amazon Cognito identity pools endpoint nor this computer`,
    );
    expect(error.message).toContain("sends the user's sign-in tokens to this address");
    expect(error.message).toContain('cognito-identity-fips.<region>.amazonaws.com');
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
