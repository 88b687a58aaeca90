import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuthSession } from '../../../src-main/core/auth';
import { createIdentityCredentials } from '../../../src-main/core/credentials';
import { DEMO_PASSWORD, DEMO_USERNAME } from '../../../local-aws/setup/default-setup';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { configFor, countOf, sleep } from '../auth/fixtures';

let la: TestLocalAws | undefined;
afterEach(async () => {
  await la?.dispose();
  la = undefined;
});

describe('credentials over several lifetimes', () => {
  it('keeps S3 working while credentials (2 s) and tokens (3 s) expire again and again', async () => {
    la = await startTestLocalAws();
    await la.setFaults({ credentialLifetimeSeconds: 2, tokenLifetimeSeconds: 3 });
    const config = configFor(la);
    const session = createAuthSession({ config });
    await session.signIn(DEMO_USERNAME, DEMO_PASSWORD);
    const creds = createIdentityCredentials({ config, getIdToken: () => session.getIdToken() });
    const s3 = new S3Client({
      region: config.region,
      endpoint: la.info.endpoint,
      forcePathStyle: true,
      credentials: creds.provider,
    });
    const identityId = await creds.identityId();

    // About eight seconds: four credential lifetimes and more than two token lifetimes.
    const keys = new Set<string>();
    for (let round = 0; round < 27; round += 1) {
      const issued = await creds.provider();
      keys.add(issued.accessKeyId);
      expect(issued.expiration?.getTime()).toBeGreaterThan(Date.now());
      await s3.send(
        new PutObjectCommand({
          Bucket: la.info.bucket,
          Key: `${identityId}/round-${round}.txt`,
          Body: 'x',
        }),
      );
      await sleep(300);
    }

    expect(keys.size).toBeGreaterThanOrEqual(3);
    // The S3 client asks the provider too, so it may have seen a set this loop did not.
    expect(countOf(la, 'GetCredentialsForIdentity')).toBeGreaterThanOrEqual(keys.size);
    expect(countOf(la, 'InitiateAuth')).toBeGreaterThanOrEqual(2); // ID token refreshed first
    expect(countOf(la, 'GetId')).toBe(1);
    expect(session.state.status).toBe('signedIn');
    s3.destroy();
    creds.dispose();
    session.dispose();
  });
});
