/**
 * The S3 permissions of a signed-in Hakobu user, as plain IAM JSON. This one module is the policy
 * source: the stack turns it into the role's inline policy, and local-aws reads it back from the
 * synthesized template, so a wrong statement here fails the local upload tests.
 */

/** The IAM policy variable Cognito fills with the caller's identity ID (region:uuid). */
export const IDENTITY_SUB = '${cognito-identity.amazonaws.com:sub}';

/** One IAM policy statement, in the subset Hakobu's roles use. */
export interface PolicyStatementJson {
  Sid: string;
  Effect: 'Allow' | 'Deny';
  Action: string[];
  Resource: string;
  Condition?: Record<string, Record<string, string[]>>;
}

/** An IAM policy document. */
export interface PolicyDocumentJson {
  Version: '2012-10-17';
  Statement: PolicyStatementJson[];
}

/** What a user may do with the objects of their own folder: everything a resumable upload needs. */
export const OWN_OBJECT_ACTIONS = [
  's3:PutObject',
  's3:GetObject',
  's3:DeleteObject',
  's3:AbortMultipartUpload',
  's3:ListMultipartUploadParts',
];

/** A Sid from a folder prefix: IAM allows only letters and digits. */
const sidOf = (prefix: string) => prefix.replace(/[^A-Za-z0-9]/g, '').slice(0, 48) || 'Root';

/** Statements granting read-only access to one shared folder of the bucket. */
export function sharedReadStatements(bucketArn: string, prefix: string): PolicyStatementJson[] {
  const sid = sidOf(prefix);
  return [
    {
      Sid: `Read${sid}`,
      Effect: 'Allow',
      Action: ['s3:GetObject'],
      Resource: `${bucketArn}/${prefix}*`,
    },
    {
      Sid: `List${sid}`,
      Effect: 'Allow',
      Action: ['s3:ListBucket'],
      Resource: bucketArn,
      Condition: { StringLike: { 's3:prefix': [`${prefix}*`] } },
    },
  ];
}

/**
 * The user's policy: read and write under `<bucket>/<identity ID>/`, listing only with an
 * s3:prefix inside it (so nobody lists the bucket root or another user's folder), plus read-only
 * shared folders.
 */
export function userPolicy(
  bucketArn: string,
  sharedPrefixes: readonly string[] = [],
): PolicyDocumentJson {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'OwnFolderObjects',
        Effect: 'Allow',
        Action: [...OWN_OBJECT_ACTIONS],
        Resource: `${bucketArn}/${IDENTITY_SUB}/*`,
      },
      {
        Sid: 'ListOwnFolder',
        Effect: 'Allow',
        Action: ['s3:ListBucket'],
        Resource: bucketArn,
        Condition: { StringLike: { 's3:prefix': [`${IDENTITY_SUB}/*`] } },
      },
      ...sharedPrefixes.flatMap((prefix) => sharedReadStatements(bucketArn, prefix)),
    ],
  };
}

/**
 * The trust policy of every role Cognito Identity hands out: only this identity pool (aud) and
 * only signed-in identities (amr = authenticated) may assume it.
 */
export function authenticatedTrustPolicy(identityPoolId: string) {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: 'cognito-identity.amazonaws.com' },
        Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'],
        Condition: {
          StringEquals: { 'cognito-identity.amazonaws.com:aud': identityPoolId },
          'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
        },
      },
    ],
  };
}
