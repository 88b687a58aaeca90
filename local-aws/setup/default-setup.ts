import type { LocalAwsSetup } from './schema';
import { LocalAwsSetup as LocalAwsSetupSchema } from './schema';

/** What the demo user types to sign in: their email (their username is a generated UUID). */
export const DEMO_USERNAME = 'demo@hakobu.example';
export const DEMO_PASSWORD = 'Hakobu-demo-2026!';
export const DEMO_BUCKET = 'hakobu-demo';
/** The built-in company identity provider of the default pool, and its demo user. */
export const COMPANY_IDP_NAME = 'CompanyIdP';
export const COMPANY_DEMO_USERNAME = 'taro@company.example';
export const COMPANY_DEMO_PASSWORD = 'Company-demo-2026!';
/** Loopback ports the desktop app may take for its managed-login callback, in order. */
export const SSO_CALLBACK_PORTS = [47120, 47121, 47122] as const;
export const AUTHENTICATED_ROLE_ARN = 'arn:aws:iam::000000000000:role/hakobu-authenticated';

/** The per-identity S3 policy that Hakobu's infrastructure template deploys. */
export function identityPrefixPolicy(bucket: string) {
  return {
    Version: '2012-10-17' as const,
    Statement: [
      {
        Sid: 'OwnPrefixObjects',
        Effect: 'Allow' as const,
        Action: [
          's3:GetObject',
          's3:PutObject',
          's3:DeleteObject',
          's3:AbortMultipartUpload',
          's3:ListMultipartUploadParts',
        ],
        Resource: `arn:aws:s3:::${bucket}/\${cognito-identity.amazonaws.com:sub}/*`,
      },
      {
        Sid: 'ListOwnPrefix',
        Effect: 'Allow' as const,
        Action: ['s3:ListBucket', 's3:ListBucketMultipartUploads'],
        Resource: `arn:aws:s3:::${bucket}`,
        Condition: {
          StringLike: { 's3:prefix': ['${cognito-identity.amazonaws.com:sub}/*'] },
        },
      },
    ],
  };
}

/** The trust policy Cognito Identity needs on an authenticated role (aud = pool ID, amr = authenticated). */
export function authenticatedTrustPolicy(identityPoolId: string) {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: 'cognito-identity.amazonaws.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { 'cognito-identity.amazonaws.com:aud': identityPoolId },
          'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
        },
      },
    ],
  };
}

/**
 * The setup used when none is given: one pool, one public SRP client, one demo user, one bucket,
 * and managed login: a public code-grant client and a built-in company IdP with a demo user.
 * The pool signs in by email, as most real pools (and the seeds' pool) do: the demo user types
 * their email, while their username, USER_ID_FOR_SRP and cognito:username are a UUID.
 */
export function defaultSetup(): LocalAwsSetup {
  return LocalAwsSetupSchema.parse({
    region: 'ap-northeast-1',
    userPools: [
      {
        name: 'hakobu-local',
        usernameAttributes: ['email'],
        clients: [
          {
            name: 'hakobu-desktop',
            explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
          },
          {
            name: 'hakobu-desktop-sso',
            explicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
            allowedOAuthFlows: ['code'],
            allowedOAuthScopes: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'],
            callbackUrls: [
              ...SSO_CALLBACK_PORTS.map((port) => `http://localhost:${port}/callback`),
              'hakobu://callback',
            ],
            logoutUrls: [
              ...SSO_CALLBACK_PORTS.map((port) => `http://localhost:${port}/signed-out`),
              'hakobu://signed-out',
            ],
            supportedIdentityProviders: ['COGNITO', COMPANY_IDP_NAME],
          },
        ],
        users: [{ username: DEMO_USERNAME, password: DEMO_PASSWORD }],
        domain: 'hakobu-local',
        identityProviders: [
          {
            name: COMPANY_IDP_NAME,
            users: [
              {
                username: COMPANY_DEMO_USERNAME,
                password: COMPANY_DEMO_PASSWORD,
                email: COMPANY_DEMO_USERNAME,
                name: 'Taro Yamada',
              },
            ],
          },
        ],
      },
    ],
    identityPools: [
      {
        name: 'hakobu-local-identities',
        providers: [{ userPool: 'hakobu-local' }],
        roles: { authenticated: AUTHENTICATED_ROLE_ARN },
      },
    ],
    roles: [{ arn: AUTHENTICATED_ROLE_ARN, policy: identityPrefixPolicy(DEMO_BUCKET) }],
    buckets: [{ name: DEMO_BUCKET }],
  });
}
