import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssuedCredentials } from '../../../local-aws/cognito-identity/model';
import { authorizeS3 } from '../../../local-aws/iam/authorize';
import { AUTHENTICATED_ROLE_ARN, DEMO_BUCKET } from '../../../local-aws/setup/default-setup';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';

const LOCKED_ROLE_ARN = 'arn:aws:iam::000000000000:role/hakobu-locked';
const POOL_ROLE_ARN = 'arn:aws:iam::000000000000:role/hakobu-pool-scoped';
const ME = 'ap-northeast-1:11111111-2222-3333-4444-555555555555';
const OTHER = 'ap-northeast-1:99999999-8888-7777-6666-555555555555';

let la: TestLocalAws;
let poolId: string;

beforeAll(async () => {
  la = await startTestLocalAws((base) => ({
    ...base,
    roles: [
      ...base.roles,
      {
        // Broad allow with a narrow explicit deny: the deny must win.
        arn: LOCKED_ROLE_ARN,
        policy: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: 's3:*', Resource: `arn:aws:s3:::${DEMO_BUCKET}/*` },
            {
              Effect: 'Deny',
              Action: 's3:PutObject',
              Resource: `arn:aws:s3:::${DEMO_BUCKET}/\${cognito-identity.amazonaws.com:sub}/locked/*`,
            },
          ],
        },
      },
      {
        arn: POOL_ROLE_ARN,
        policy: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 's3:GetObject',
              Resource: `arn:aws:s3:::${DEMO_BUCKET}/shared/\${cognito-identity.amazonaws.com:aud}/*`,
              Condition: {
                'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
              },
            },
          ],
        },
      },
    ],
  }));
  poolId = la.info.identityPoolId;
});
afterAll(() => la.dispose());

function credentials(
  identityId: string,
  roleArn = AUTHENTICATED_ROLE_ARN,
  amr = ['authenticated'],
): IssuedCredentials {
  return {
    accessKeyId: 'ASIATESTTESTTESTTEST',
    secretAccessKey: 'x'.repeat(40),
    sessionToken: 'token',
    expiration: Date.now() + 3_600_000,
    identityId,
    identityPoolId: poolId,
    roleArn,
    amr,
  };
}

const object = (key: string) => `arn:aws:s3:::${DEMO_BUCKET}/${key}`;
const bucket = `arn:aws:s3:::${DEMO_BUCKET}`;

describe('authorizeS3 with the per-identity prefix policy', () => {
  it('allows objects under the caller’s own identity prefix', () => {
    const creds = credentials(ME);
    for (const action of ['s3:PutObject', 's3:GetObject', 's3:AbortMultipartUpload']) {
      expect(
        authorizeS3(la.context, { credentials: creds, action, resource: object(`${ME}/a.jpg`) }),
      ).toBe('Allowed');
    }
  });

  it('implicitly denies another identity’s prefix and the bucket root', () => {
    const creds = credentials(ME);
    expect(
      authorizeS3(la.context, {
        credentials: creds,
        action: 's3:PutObject',
        resource: object(`${OTHER}/a.jpg`),
      }),
    ).toBe('ImplicitlyDenied');
    expect(
      authorizeS3(la.context, {
        credentials: creds,
        action: 's3:GetObject',
        resource: object('a.jpg'),
      }),
    ).toBe('ImplicitlyDenied');
  });

  it('denies listing the bucket root, with no prefix or an empty one', () => {
    const creds = credentials(ME);
    expect(
      authorizeS3(la.context, { credentials: creds, action: 's3:ListBucket', resource: bucket }),
    ).toBe('ImplicitlyDenied');
    expect(
      authorizeS3(la.context, {
        credentials: creds,
        action: 's3:ListBucket',
        resource: bucket,
        context: { 's3:prefix': '' },
      }),
    ).toBe('ImplicitlyDenied');
  });

  it('allows listing under the caller’s own prefix only', () => {
    const creds = credentials(ME);
    expect(
      authorizeS3(la.context, {
        credentials: creds,
        action: 's3:ListBucket',
        resource: bucket,
        context: { 's3:prefix': `${ME}/photos/` },
      }),
    ).toBe('Allowed');
    expect(
      authorizeS3(la.context, {
        credentials: creds,
        action: 's3:ListBucket',
        resource: bucket,
        context: { 's3:prefix': `${OTHER}/` },
      }),
    ).toBe('ImplicitlyDenied');
  });

  it('treats "*" and line breaks in a key literally, never as wildcards', () => {
    const creds = credentials(ME);
    // A key literally named "*" at the root must not borrow the policy's own wildcard.
    expect(
      authorizeS3(la.context, {
        credentials: creds,
        action: 's3:PutObject',
        resource: object('*'),
      }),
    ).toBe('ImplicitlyDenied');
    expect(
      authorizeS3(la.context, {
        credentials: creds,
        action: 's3:PutObject',
        resource: object('*/x'),
      }),
    ).toBe('ImplicitlyDenied');
    expect(
      authorizeS3(la.context, {
        credentials: creds,
        action: 's3:PutObject',
        resource: object(`${ME}/odd*name\nline?.txt`),
      }),
    ).toBe('Allowed');
  });

  it('keeps each identity’s substituted policy apart', () => {
    // The same role evaluated for two identities: each sees only its own prefix.
    expect(
      authorizeS3(la.context, {
        credentials: credentials(OTHER),
        action: 's3:PutObject',
        resource: object(`${OTHER}/a`),
      }),
    ).toBe('Allowed');
    expect(
      authorizeS3(la.context, {
        credentials: credentials(ME),
        action: 's3:PutObject',
        resource: object(`${OTHER}/a`),
      }),
    ).toBe('ImplicitlyDenied');
  });

  it('denies everything for a role that does not exist', () => {
    const creds = credentials(ME, 'arn:aws:iam::000000000000:role/deleted');
    expect(
      authorizeS3(la.context, {
        credentials: creds,
        action: 's3:GetObject',
        resource: object(`${ME}/a`),
      }),
    ).toBe('ImplicitlyDenied');
  });
});

describe('authorizeS3 with other policies', () => {
  it('lets an explicit Deny win over a broader Allow', () => {
    const creds = credentials(ME, LOCKED_ROLE_ARN);
    expect(
      authorizeS3(la.context, {
        credentials: creds,
        action: 's3:PutObject',
        resource: object(`${ME}/locked/a`),
      }),
    ).toBe('ExplicitlyDenied');
    expect(
      authorizeS3(la.context, {
        credentials: creds,
        action: 's3:PutObject',
        resource: object(`${ME}/open/a`),
      }),
    ).toBe('Allowed');
    // The deny names only the caller's own prefix; another identity's locked/ stays allowed here.
    expect(
      authorizeS3(la.context, {
        credentials: creds,
        action: 's3:PutObject',
        resource: object(`${OTHER}/locked/a`),
      }),
    ).toBe('Allowed');
  });

  it('resolves the aud variable and amr condition from the session', () => {
    const resource = object(`shared/${poolId}/readme.txt`);
    expect(
      authorizeS3(la.context, {
        credentials: credentials(ME, POOL_ROLE_ARN),
        action: 's3:GetObject',
        resource,
      }),
    ).toBe('Allowed');
    expect(
      authorizeS3(la.context, {
        credentials: credentials(ME, POOL_ROLE_ARN),
        action: 's3:GetObject',
        resource: object('shared/other-pool/readme.txt'),
      }),
    ).toBe('ImplicitlyDenied');
    const guest = credentials(ME, POOL_ROLE_ARN, ['unauthenticated']);
    expect(authorizeS3(la.context, { credentials: guest, action: 's3:GetObject', resource })).toBe(
      'ImplicitlyDenied',
    );
  });
});
