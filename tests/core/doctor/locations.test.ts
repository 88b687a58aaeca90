import { afterEach, describe, expect, it } from 'vitest';
import {
  AUTHENTICATED_ROLE_ARN,
  DEMO_BUCKET,
  DEMO_USERNAME,
  identityPrefixPolicy,
} from '../../../local-aws/setup/default-setup';
import { findUser } from '../../../local-aws/cognito-idp/sign-in-names';
import type { LocalAwsSetup, PolicyDocument } from '../../../local-aws/setup/schema';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { configFor, doctorOn, stepOf } from './fixtures';

const running: TestLocalAws[] = [];
afterEach(async () => {
  for (const la of running.splice(0)) await la.dispose();
});

async function standIn(setup?: (base: LocalAwsSetup) => unknown): Promise<TestLocalAws> {
  const la = await startTestLocalAws(setup);
  running.push(la);
  return la;
}

/** The default setup with the authenticated role's S3 policy replaced. */
const withRolePolicy = (policy: PolicyDocument) => (base: LocalAwsSetup) => ({
  ...base,
  roles: [{ arn: AUTHENTICATED_ROLE_ARN, policy }],
});

/** A policy for a fixed "uploads/" folder shared by everyone: no identity in it. */
const sharedFolderPolicy: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      Resource: `arn:aws:s3:::${DEMO_BUCKET}/uploads/*`,
    },
    {
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: `arn:aws:s3:::${DEMO_BUCKET}`,
      Condition: { StringLike: { 's3:prefix': 'uploads/*' } },
    },
  ],
};

describe('doctor on S3 locations', () => {
  it('policy without the identity prefix: explains ${cognito-identity.amazonaws.com:sub} (S10)', async () => {
    const la = await standIn(withRolePolicy(sharedFolderPolicy));
    const report = await doctorOn(la);
    const identityId = String(stepOf(report, 'identity-provider').params?.identityId);
    expect(stepOf(report, 'bucket:demo').status).toBe('ok');
    const prefix = stepOf(report, 'prefix:demo');
    expect(prefix).toMatchObject({ status: 'fail', code: 'doctor.prefix.denied' });
    expect(prefix.detail).toContain(`s3://${DEMO_BUCKET}/${identityId}/ (AccessDenied`);
    expect(prefix.fix).toContain('${cognito-identity.amazonaws.com:sub}');
    expect(prefix.fix).toContain(`is the identity ID (${identityId}), not the user pool sub`);
    const write = stepOf(report, 'write:demo');
    expect(write).toMatchObject({ status: 'fail', code: 'doctor.write.denied' });
    expect(write.fix).toContain(
      `arn:aws:s3:::${DEMO_BUCKET}/\${cognito-identity.amazonaws.com:sub}/*`,
    );
    expect(report.ok).toBe(false);
  });

  it('policy written for the user pool sub: says it names the wrong ID', async () => {
    const la = await standIn();
    const pool = la.context.state.userPools[la.info.userPoolId];
    const sub = pool && findUser(pool, DEMO_USERNAME)?.sub;
    const role = la.context.state.roles[AUTHENTICATED_ROLE_ARN];
    if (!sub || !role) throw new Error('default setup changed');
    // The classic S10 mistake, made by hand: the user pool sub where the identity ID belongs.
    role.policy = JSON.parse(
      JSON.stringify(identityPrefixPolicy(DEMO_BUCKET)).replaceAll(
        '${cognito-identity.amazonaws.com:sub}',
        sub,
      ),
    ) as PolicyDocument;
    const prefix = stepOf(await doctorOn(la), 'prefix:demo');
    expect(prefix.status).toBe('fail');
    expect(prefix.detail).toContain(`allow s3://${DEMO_BUCKET}/${sub}/, the user pool sub`);
    expect(prefix.params?.policyUsesSub).toBe(1);
  });

  it('unknown bucket: names it, and skips the checks inside it', async () => {
    const la = await standIn();
    const report = await doctorOn(la, {
      configPatch: { locations: [{ name: 'demo', bucket: 'no-such-bucket-here' }] },
    });
    const bucket = stepOf(report, 'bucket:demo');
    expect(bucket).toMatchObject({ status: 'fail', code: 'doctor.bucket.missing' });
    expect(bucket.detail).toContain('Bucket no-such-bucket-here does not exist (NoSuchBucket');
    for (const id of ['prefix:demo', 'write:demo', 'root-listing:demo']) {
      expect(stepOf(report, id)).toMatchObject({
        status: 'skipped',
        params: { dependsOn: 'bucket:demo' },
      });
    }
  });

  it('bucket in another region: names the bucket’s region', async () => {
    const la = await standIn();
    const elsewhere = await standIn((base) => ({ ...base, region: 'us-west-2' }));
    const config = configFor(la);
    const report = await doctorOn(la, {
      configPatch: { endpoints: { ...config.endpoints, s3: elsewhere.info.endpoint } },
    });
    const bucket = stepOf(report, 'bucket:demo');
    expect(bucket).toMatchObject({ status: 'fail', code: 'doctor.bucket.otherRegion' });
    expect(bucket.detail).toContain('in region us-west-2');
    expect(bucket.params?.bucketRegion).toBe('us-west-2');
  });

  it('S3 of another account: says it does not know the identity pool’s credentials', async () => {
    const la = await standIn();
    const otherAccount = await standIn();
    const config = configFor(la);
    const report = await doctorOn(la, {
      configPatch: { endpoints: { ...config.endpoints, s3: otherAccount.info.endpoint } },
    });
    const bucket = stepOf(report, 'bucket:demo');
    expect(bucket).toMatchObject({ status: 'fail', code: 'doctor.bucket.credentialsRefused' });
    expect(bucket.detail).toContain('InvalidAccessKeyId');
    expect(bucket.fix).toContain('same AWS account as the identity pool');
  });

  it('root listing allowed: warns that users see each other’s file names', async () => {
    const policy = identityPrefixPolicy(DEMO_BUCKET);
    const la = await standIn(
      withRolePolicy({
        ...policy,
        Statement: [
          ...policy.Statement,
          { Effect: 'Allow', Action: 's3:ListBucket', Resource: `arn:aws:s3:::${DEMO_BUCKET}` },
        ],
      }),
    );
    const report = await doctorOn(la);
    const step = stepOf(report, 'root-listing:demo');
    expect(step).toMatchObject({ status: 'warn', code: 'doctor.rootListing.allowed' });
    expect(step.fix).toContain('"s3:prefix": ["${cognito-identity.amazonaws.com:sub}/*"]');
    expect(report.ok).toBe(true);
  });

  it('delete not allowed: warns that the test file stayed and names s3:DeleteObject', async () => {
    const policy = identityPrefixPolicy(DEMO_BUCKET);
    const [objects, listing] = policy.Statement;
    if (!objects || !listing) throw new Error('default policy changed');
    const la = await standIn(
      withRolePolicy({
        ...policy,
        Statement: [
          { ...objects, Action: ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload'] },
          listing,
        ],
      }),
    );
    const step = stepOf(await doctorOn(la), 'write:demo');
    expect(step).toMatchObject({ status: 'warn', code: 'doctor.write.cannotDelete' });
    expect(step.fix).toContain('"s3:DeleteObject"');
  });

  it('read-only location: lists but does not try to write', async () => {
    const la = await standIn();
    const report = await doctorOn(la, {
      configPatch: { locations: [{ name: 'archive', bucket: DEMO_BUCKET, access: 'read' }] },
    });
    expect(stepOf(report, 'prefix:archive').status).toBe('ok');
    expect(stepOf(report, 'write:archive')).toMatchObject({
      status: 'skipped',
      code: 'doctor.write.readOnly',
    });
    expect(report.ok).toBe(true);
  });
});
