import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { synthHakobu } from './synth';

const SUB = '${cognito-identity.amazonaws.com:sub}';

describe('the Hakobu stack', () => {
  const template = synthHakobu();

  it('lets only signed-in identities of its own identity pool assume the role', () => {
    const [poolId] = Object.keys(template.findResources('AWS::Cognito::IdentityPool'));
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Federated: 'cognito-identity.amazonaws.com' },
            Action: Match.arrayWith(['sts:AssumeRoleWithWebIdentity']),
            Condition: {
              StringEquals: { 'cognito-identity.amazonaws.com:aud': { Ref: poolId } },
              'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
            },
          },
        ],
      },
    });
  });

  it('has no guest identities and no unauthenticated role', () => {
    template.hasResourceProperties('AWS::Cognito::IdentityPool', {
      AllowUnauthenticatedIdentities: false,
    });
    template.resourceCountIs('AWS::IAM::Role', 1);
    const attachment = Object.values(
      template.findResources('AWS::Cognito::IdentityPoolRoleAttachment'),
    )[0] as { Properties: { Roles: Record<string, unknown> } };
    expect(Object.keys(attachment.Properties.Roles)).toEqual(['authenticated']);
  });

  it('limits objects and listing to the identity’s own folder', () => {
    const [bucketId] = Object.keys(template.findResources('AWS::S3::Bucket'));
    const bucketArn = { 'Fn::GetAtt': [bucketId, 'Arn'] };
    template.hasResourceProperties('AWS::IAM::Role', {
      Policies: [
        {
          PolicyDocument: {
            Statement: [
              {
                Effect: 'Allow',
                Action: [
                  's3:PutObject',
                  's3:GetObject',
                  's3:DeleteObject',
                  's3:AbortMultipartUpload',
                  's3:ListMultipartUploadParts',
                ],
                Resource: { 'Fn::Join': ['', [bucketArn, `/${SUB}/*`]] },
              },
              {
                Effect: 'Allow',
                Action: 's3:ListBucket',
                Resource: bucketArn,
                Condition: { StringLike: { 's3:prefix': [`${SUB}/*`] } },
              },
            ].map((s) => Match.objectLike(s)),
          },
        },
      ],
    });
  });

  it('keeps the bucket private, encrypted, TLS-only, and sweeps abandoned uploads after 7 days', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
        ],
      },
      LifecycleConfiguration: {
        Rules: [
          Match.objectLike({
            Status: 'Enabled',
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
          }),
        ],
      },
      CorsConfiguration: Match.absent(),
      VersioningConfiguration: Match.absent(),
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it('signs in by email through a public SRP client with revocable tokens and optional TOTP', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UsernameAttributes: ['email'],
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
    template.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      EnableTokenRevocation: true,
      IdTokenValidity: 60,
      RefreshTokenValidity: 30 * 24 * 60,
      TokenValidityUnits: { IdToken: 'minutes', AccessToken: 'minutes', RefreshToken: 'minutes' },
    });
    template.resourceCountIs('AWS::Cognito::UserPoolDomain', 0);
  });

  it('puts a ready Hakobu config in the outputs', () => {
    template.hasOutput('HakobuConfig', { Value: { 'Fn::Join': Match.anyValue() } });
  });
});

describe('the stack’s options', () => {
  it('adds a CORS rule and versioning only when asked', () => {
    synthHakobu({
      browserOrigins: ['https://files.example.com'],
      versioned: true,
    }).hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      CorsConfiguration: {
        CorsRules: [Match.objectLike({ AllowedOrigins: ['https://files.example.com'] })],
      },
    });
  });

  it('maps groups to their own roles from the token, denying ambiguous ones', () => {
    const template = synthHakobu({
      groups: [
        { name: 'design', precedence: 1, sharedReadOnly: [{ name: 'Briefs', prefix: 'briefs/' }] },
      ],
      chooseRoleFromToken: true,
    });
    template.resourceCountIs('AWS::IAM::Role', 2);
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', {
      GroupName: 'design',
      Precedence: 1,
      RoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('GroupRole'), 'Arn'] },
    });
    template.hasResourceProperties('AWS::Cognito::IdentityPoolRoleAttachment', {
      RoleMappings: {
        client0: Match.objectLike({ Type: 'Token', AmbiguousRoleResolution: 'Deny' }),
      },
    });
    template.hasResourceProperties('AWS::IAM::Role', {
      Policies: [
        {
          PolicyDocument: {
            Statement: Match.arrayWith([
              Match.objectLike({
                Action: 's3:ListBucket',
                Condition: { StringLike: { 's3:prefix': ['briefs/*'] } },
              }),
            ]),
          },
        },
      ],
    });
  });

  it('offers managed login with a code-grant client and a company OIDC provider', () => {
    const template = synthHakobu({
      managedLogin: {
        domainPrefix: 'hakobu-example',
        oidc: {
          name: 'EntraID',
          issuerUrl: 'https://login.microsoftonline.com/tenant/v2.0',
          clientId: 'entra-client',
          clientSecretName: 'hakobu/entra',
        },
      },
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: 'hakobu-example',
      ManagedLoginVersion: 2,
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'hakobu-managed-login',
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'],
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
      CallbackURLs: [
        'http://localhost:47120/callback',
        'http://localhost:47121/callback',
        'http://localhost:47122/callback',
        'hakobu://callback',
      ],
      LogoutURLs: Match.arrayWith(['http://localhost:47120/signed-out', 'hakobu://signed-out']),
      SupportedIdentityProviders: ['COGNITO', { Ref: Match.stringLikeRegexp('Oidc') }],
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      ProviderName: 'EntraID',
      ProviderType: 'OIDC',
      ProviderDetails: Match.objectLike({
        oidc_issuer: 'https://login.microsoftonline.com/tenant/v2.0',
        client_secret: '{{resolve:secretsmanager:hakobu/entra:SecretString:::}}',
      }),
      AttributeMapping: { email: 'email', name: 'name' },
    });
    template.resourceCountIs('AWS::Cognito::ManagedLoginBranding', 1);
    // Tokens from managed login must get AWS keys too.
    template.hasResourceProperties('AWS::Cognito::IdentityPool', {
      CognitoIdentityProviders: [
        Match.objectLike({ ClientId: { Ref: Match.stringLikeRegexp('DesktopClient') } }),
        Match.objectLike({ ClientId: { Ref: Match.stringLikeRegexp('ManagedLoginClient') } }),
      ],
    });
    template.hasOutput('ManagedLoginUrl', Match.anyValue());
  });

  it('federates a SAML provider with its own attribute mapping', () => {
    synthHakobu({
      managedLogin: {
        domainPrefix: 'hakobu-saml',
        callbackPorts: [60000],
        saml: { name: 'Okta', metadataUrl: 'https://idp.example/metadata.xml' },
      },
    }).hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      ProviderType: 'SAML',
      ProviderDetails: { MetadataURL: 'https://idp.example/metadata.xml' },
      AttributeMapping: {
        email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
      },
    });
  });

  it('refuses bad settings with the field named', () => {
    expect(() => synthHakobu({ sharedReadOnly: [{ name: 'All', prefix: '*' }] })).toThrow(
      /hakobu\.sharedReadOnly\.0\.prefix: a relative key prefix ending in "\/"/,
    );
  });
});
