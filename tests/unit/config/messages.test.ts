import { describe, expect, it } from 'vitest';
import { formatConfigProblem, type ConfigProblem } from '../../../src-main/core/config';
import { configSandbox, expectFailed, expectLoaded, LOCAL_AWS_CONFIG } from './helpers';

/** Loads a user file with the given content and returns its single error. */
function onlyError(content: unknown): ConfigProblem {
  const box = configSandbox();
  box.write(box.user, content);
  const errors = expectFailed(box.load());
  expect(errors).toHaveLength(1);
  const [error] = errors;
  if (!error) throw new Error('unreachable');
  expect(error.file).toBe(box.user);
  expect(error.severity).toBe('error');
  return error;
}

const good = LOCAL_AWS_CONFIG;

describe('the configuration schema', () => {
  it('accepts the exact file local-aws writes for the app, with defaults filled in', () => {
    const box = configSandbox();
    box.write(box.user, good);
    const { config, warnings } = expectLoaded(box.load());
    expect(warnings).toEqual([]);
    expect(config.locations).toEqual(good.locations);
    expect(config.endpoints.s3).toBe('http://127.0.0.1:4566');
    // No parallelTransfers and no old pair: the engine's own default applies, uncapped.
    expect(config.transfers).toEqual({ partSizeMiB: 8, conflictPolicy: 'ask' });
    expect(config.ui).toEqual({ language: 'system', theme: 'system' });
  });

  it('fills in a location prefix of ${identityId}/ and readwrite access', () => {
    const box = configSandbox();
    box.write(box.user, {
      ...good,
      authFlow: undefined,
      locations: [{ name: 'A', bucket: 'abc' }],
    });
    const { config } = expectLoaded(box.load());
    expect(config.authFlow).toBe('USER_SRP_AUTH');
    expect(config.locations[0]).toEqual({
      name: 'A',
      bucket: 'abc',
      prefix: '${identityId}/',
      access: 'readwrite',
    });
  });

  it('accepts an S3 access point ARN as a bucket, and a shared read-only prefix', () => {
    const box = configSandbox();
    const arn = 'arn:aws:s3:ap-northeast-1:123456789012:accesspoint/team-share';
    box.write(box.user, {
      ...good,
      locations: [{ name: 'Team', bucket: arn, prefix: 'shared/', access: 'read' }],
    });
    expect(expectLoaded(box.load()).config.locations[0]?.bucket).toBe(arn);
  });
});

describe('configuration errors name the file, the field and the fix', () => {
  it('explains a user pool from another region, word for word', () => {
    const error = onlyError({
      ...good,
      region: 'us-east-1',
      identityPoolId: 'us-east-1:1a2b3c4d-0000-4000-8000-123456789abc',
      userPoolId: 'ap-northeast-1_XXXX',
    });
    expect(error.code).toBe('CONFIG_USER_POOL_REGION_MISMATCH');
    expect(error.field).toBe('userPoolId');
    expect(formatConfigProblem(error)).toBe(
      `${error.file}: userPoolId "ap-northeast-1_XXXX" is in region ap-northeast-1 but region is us-east-1. Set region to ap-northeast-1, or use the pool ID from the right region.`,
    );
  });

  it('explains an identity pool from another region', () => {
    const error = onlyError({
      ...good,
      identityPoolId: 'eu-west-1:1a2b3c4d-0000-4000-8000-123456789abc',
    });
    expect(error.code).toBe('CONFIG_IDENTITY_POOL_REGION_MISMATCH');
    expect(error.field).toBe('identityPoolId');
    expect(error.message).toContain('is in region eu-west-1 but region is ap-northeast-1');
    expect(error.fix).toContain('Set region to eu-west-1');
  });

  it('explains a client ID that is not 26 characters and where to copy the right one', () => {
    const error = onlyError({ ...good, clientId: 'abc123' });
    expect(error.code).toBe('CONFIG_CLIENT_ID_INVALID');
    expect(error.field).toBe('clientId');
    expect(error.message).toBe(
      'clientId "abc123" is 6 characters long, but a Cognito app client ID is exactly 26 lowercase letters and digits.',
    );
    expect(error.fix).toContain('Client ID');
  });

  it('recognises a pool ID pasted into clientId', () => {
    const error = onlyError({ ...good, clientId: 'ap-northeast-1_AbCdEf123' });
    expect(error.message).toContain('is a pool ID, not an app client ID');
  });

  it('recognises an identity pool ID pasted into userPoolId', () => {
    const error = onlyError({ ...good, userPoolId: good.identityPoolId });
    expect(error.code).toBe('CONFIG_USER_POOL_ID_INVALID');
    expect(error.fix).toContain('put it in identityPoolId');
  });

  it('gives the line and column of malformed JSON, including errors JSON.parse does not locate', () => {
    const trailingComma = onlyError('{\n  "region": "ap-northeast-1",\n}\n');
    expect(trailingComma.code).toBe('CONFIG_JSON_MALFORMED');
    expect(trailingComma.params).toMatchObject({ line: 2, column: 29 });
    expect(formatConfigProblem(trailingComma)).toContain(
      'is not valid JSON at line 2, column 29: trailing comma',
    );
    // V8 reports this one without any position.
    const bareWord = onlyError('{\n  "region": ap-northeast-1\n}');
    expect(bareWord.params).toMatchObject({ line: 2, column: 13 });
    expect(bareWord.message).toContain('text needs double quotes');
  });

  it('reads a file saved with a UTF-8 byte-order mark (as Notepad does)', () => {
    const box = configSandbox();
    box.write(box.user, `\uFEFF${JSON.stringify(good)}`);
    expectLoaded(box.load());
  });

  it('rejects a file that is not a JSON object', () => {
    const error = onlyError('["region"]');
    expect(error.code).toBe('CONFIG_NOT_AN_OBJECT');
  });

  it('warns about unknown keys, with a typo hint, and still loads', () => {
    const box = configSandbox();
    box.write(box.user, { ...good, userPoolID: 'x', transfers: { concurency: 2 }, colour: 'red' });
    const { warnings } = expectLoaded(box.load());
    const byField = Object.fromEntries(warnings.map((w) => [w.field, w]));
    expect(Object.keys(byField).sort()).toEqual(['colour', 'transfers.concurency', 'userPoolID']);
    expect(byField.userPoolID?.severity).toBe('warning');
    expect(byField.userPoolID?.code).toBe('CONFIG_UNKNOWN_KEY');
    expect(byField.userPoolID?.file).toBe(box.user);
    expect(byField.userPoolID?.fix).toContain("Did you mean 'userPoolId'?");
    expect(byField['transfers.concurency']?.params.suggestion).toBe('concurrency');
    expect(byField.colour?.params.suggestion).toBeUndefined();
  });

  it('reports a folder where the file should be as unreadable', () => {
    const box = configSandbox();
    box.write(`${box.user}/inner`, '{}');
    const errors = expectFailed(box.load());
    expect(errors[0]?.code).toBe('CONFIG_FILE_UNREADABLE');
    expect(errors[0]?.file).toBe(box.user);
    expect(errors[0]?.message).toContain('is a folder');
  });

  it('rejects prefix variables other than ${identityId}, explaining the IAM variable', () => {
    const error = onlyError({
      ...good,
      locations: [{ name: 'A', bucket: 'abc', prefix: '${cognito-identity.amazonaws.com:sub}/' }],
    });
    expect(error.code).toBe('CONFIG_PREFIX_UNKNOWN_VARIABLE');
    expect(error.field).toBe('locations[0].prefix');
    expect(error.fix).toContain('in Hakobu write ${identityId}');
    const sub = onlyError({
      ...good,
      locations: [{ name: 'A', bucket: 'abc', prefix: '${sub}/' }],
    });
    expect(sub.params.variable).toBe('${sub}');
  });

  it('rejects a readwrite prefix outside the user own ${identityId}/ folder', () => {
    const error = onlyError({
      ...good,
      locations: [{ name: 'A', bucket: 'abc', prefix: 'uploads/${identityId}/' }],
    });
    expect(error.code).toBe('CONFIG_PREFIX_NOT_OWN_FOLDER');
    expect(error.fix).toContain('or set this location\'s access to "read"');
    const bare = onlyError({
      ...good,
      locations: [{ name: 'A', bucket: 'abc', prefix: '${identityId}' }],
    });
    expect(bare.code).toBe('CONFIG_PREFIX_NOT_OWN_FOLDER');
  });

  it('turns a pasted s3:// URI or bucket ARN into the bucket name to use', () => {
    const uri = onlyError({ ...good, locations: [{ name: 'A', bucket: 's3://photos-2024/x' }] });
    expect(uri.code).toBe('CONFIG_BUCKET_INVALID');
    expect(uri.fix).toBe('Write only the bucket name: "photos-2024".');
    const arn = onlyError({
      ...good,
      locations: [{ name: 'A', bucket: 'arn:aws:s3:::photos-2024' }],
    });
    expect(arn.fix).toContain('"photos-2024" instead of the bucket\'s ARN');
  });

  it('requires at least one location, with unique names', () => {
    expect(onlyError({ ...good, locations: [] }).code).toBe('CONFIG_LOCATIONS_EMPTY');
    const twice = onlyError({
      ...good,
      locations: [
        { name: 'A', bucket: 'abc' },
        { name: 'A', bucket: 'def' },
      ],
    });
    expect(twice.code).toBe('CONFIG_LOCATION_NAME_DUPLICATE');
    expect(twice.field).toBe('locations[1].name');
  });

  it('explains a number written as text and a part size S3 would refuse', () => {
    const quoted = onlyError({ ...good, transfers: { concurrency: '3' } });
    expect(quoted.code).toBe('CONFIG_INVALID_VALUE');
    expect(formatConfigProblem(quoted)).toContain(
      'transfers.concurrency is "3", but it must be a whole number of files from 1 to 16. Remove it and set transfers.parallelTransfers instead, or set a whole number from 1 to 16, without quotes.',
    );
    const small = onlyError({ ...good, transfers: { partSizeMiB: 4 } });
    expect(small.message).toContain('S3 parts must be 5 MiB to 5 GiB');
    const large = onlyError({ ...good, transfers: { partSizeMiB: 5121 } });
    expect(large.field).toBe('transfers.partSizeMiB');
  });

  it('lists the allowed choices for authFlow, access, language and theme', () => {
    expect(onlyError({ ...good, authFlow: 'SRP' }).message).toContain(
      '"USER_SRP_AUTH" or "USER_PASSWORD_AUTH"',
    );
    expect(onlyError({ ...good, ui: { theme: 'blue' } }).message).toContain(
      '"system", "light" or "dark"',
    );
  });

  it('rejects endpoints that are not http(s) URLs and role ARNs that are not roles', () => {
    expect(onlyError({ ...good, endpoints: { s3: 'localhost:4566' } }).code).toBe(
      'CONFIG_ENDPOINT_INVALID',
    );
    expect(
      onlyError({ ...good, customRoleArn: 'arn:aws:iam::123456789012:user/someone' }).code,
    ).toBe('CONFIG_ROLE_ARN_INVALID');
  });

  it('names every missing required field and where to add it', () => {
    const box = configSandbox();
    box.write(box.user, { ui: { theme: 'dark' } });
    const errors = expectFailed(box.load());
    expect(errors.map((e) => e.field)).toEqual([
      'region',
      'userPoolId',
      'clientId',
      'identityPoolId',
      'locations',
    ]);
    for (const error of errors) {
      expect(error.code).toBe('CONFIG_MISSING_FIELD');
      expect(error.message).toContain(`(read: ${box.user})`);
      expect(error.fix).toContain(`Add it to ${box.user}.`);
    }
  });

  it('tags a formatted problem with its stable code on request', () => {
    const error = onlyError({ ...good, clientId: 'abc' });
    expect(formatConfigProblem(error, { withCode: true, withSeverity: true })).toMatch(
      /^error: .+ \[CONFIG_CLIENT_ID_INVALID\]$/,
    );
  });
});
