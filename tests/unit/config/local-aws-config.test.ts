import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src-main/core/config';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';

describe('the configuration local-aws writes for the app', () => {
  let aws: TestLocalAws;
  beforeAll(async () => {
    aws = await startTestLocalAws();
  });
  afterAll(async () => {
    await aws.dispose();
  });

  it('loads as HAKOBU_CONFIG with no errors or warnings, pointing every client at the stand-in over https', () => {
    const result = loadConfig({
      userConfigPath: join(aws.dataDir, 'no-user-config.json'),
      env: {
        HAKOBU_CONFIG: aws.info.appConfig,
        HAKOBU_MANAGED_CONFIG: join(aws.dataDir, 'no-managed-config.json'),
      },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
    expect(result.warnings).toEqual([]);
    expect(result.config).toMatchObject({
      region: aws.info.region,
      userPoolId: aws.info.userPoolId,
      clientId: aws.info.clientId,
      identityPoolId: aws.info.identityPoolId,
      endpoints: {
        cognitoIdp: aws.tls.endpoint,
        cognitoIdentity: aws.tls.endpoint,
        s3: aws.tls.endpoint,
      },
    });
    expect(result.config.locations.map((l) => l.bucket)).toContain(aws.info.bucket);
    // The file is the one local-aws wrote, not a copy of it.
    expect(JSON.parse(readFileSync(aws.info.appConfig, 'utf8')).clientId).toBe(aws.info.clientId);
  });
});
