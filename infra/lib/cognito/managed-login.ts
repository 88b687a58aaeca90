import { Duration, SecretValue } from 'aws-cdk-lib';
import {
  CfnManagedLoginBranding,
  type CfnUserPoolClient,
  ManagedLoginVersion,
  OAuthScope,
  ProviderAttribute,
  UserPoolClientIdentityProvider,
  UserPoolIdentityProviderOidc,
  UserPoolIdentityProviderSaml,
  UserPoolIdentityProviderSamlMetadata,
  type AttributeMapping,
  type UserPool,
  type UserPoolClient,
  type UserPoolDomain,
  type IUserPoolIdentityProvider,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import {
  APP_SCHEME_CALLBACK,
  APP_SCHEME_SIGNED_OUT,
  type AttributeMappingProps,
  type HakobuBackendProps,
  type ManagedLoginProps,
} from '../props';

function attributeMapping(mapping: AttributeMappingProps): AttributeMapping {
  // CDK reads every key it is given, so unmapped attributes must be absent, not undefined.
  return Object.fromEntries(
    Object.entries(mapping)
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([attribute, claim]) => [attribute, ProviderAttribute.other(claim)]),
  );
}

/** The loopback callback URLs, one per fixed port, then the app's own scheme. */
export function callbackUrls(ports: readonly number[]): string[] {
  return [...ports.map((port) => `http://localhost:${port}/callback`), APP_SCHEME_CALLBACK];
}

/** Where the app waits after sign-out: the same ports and scheme, at /signed-out. */
export function signedOutUrls(ports: readonly number[]): string[] {
  return [...ports.map((port) => `http://localhost:${port}/signed-out`), APP_SCHEME_SIGNED_OUT];
}

/**
 * Cognito's managed login for single sign-on: a domain, a public authorization-code client for
 * the desktop app (PKCE, loopback and hakobu:// redirects), and optionally a company OIDC or SAML
 * identity provider whose attributes map onto the pool's.
 */
export class HakobuManagedLogin extends Construct {
  readonly domain: UserPoolDomain;
  readonly client: UserPoolClient;
  readonly providers: IUserPoolIdentityProvider[] = [];

  constructor(
    scope: Construct,
    id: string,
    pool: UserPool,
    login: ManagedLoginProps,
    tokens: Pick<HakobuBackendProps, 'idTokenMinutes' | 'accessTokenMinutes' | 'refreshTokenDays'>,
  ) {
    super(scope, id);
    this.domain = pool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: login.domainPrefix },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    if (login.oidc) {
      this.providers.push(
        new UserPoolIdentityProviderOidc(this, 'Oidc', {
          userPool: pool,
          name: login.oidc.name,
          issuerUrl: login.oidc.issuerUrl,
          clientId: login.oidc.clientId,
          // A {{resolve:secretsmanager:…}} reference: CloudFormation reads the secret at deploy
          // time, so the template never holds it.
          clientSecret: SecretValue.secretsManager(login.oidc.clientSecretName).unsafeUnwrap(),
          scopes: login.oidc.scopes,
          attributeMapping: attributeMapping(login.oidc.attributeMapping),
        }),
      );
    }
    if (login.saml) {
      this.providers.push(
        new UserPoolIdentityProviderSaml(this, 'Saml', {
          userPool: pool,
          name: login.saml.name,
          metadata: UserPoolIdentityProviderSamlMetadata.url(login.saml.metadataUrl),
          attributeMapping: attributeMapping(login.saml.attributeMapping),
        }),
      );
    }
    const callbacks = callbackUrls(login.callbackPorts);
    this.client = pool.addClient('ManagedLoginClient', {
      userPoolClientName: 'hakobu-managed-login',
      generateSecret: false,
      oAuth: {
        flows: { authorizationCodeGrant: true },
        // The admin scope lets the access token manage the user's own account (sign-out
        // everywhere, MFA), as an SRP sign-in's token can.
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE, OAuthScope.COGNITO_ADMIN],
        callbackUrls: callbacks,
        logoutUrls: login.logoutUrls ?? signedOutUrls(login.callbackPorts),
      },
      supportedIdentityProviders: [
        UserPoolClientIdentityProvider.COGNITO,
        ...this.providers.map((p) => UserPoolClientIdentityProvider.custom(p.providerName)),
      ],
      idTokenValidity: Duration.minutes(tokens.idTokenMinutes),
      accessTokenValidity: Duration.minutes(tokens.accessTokenMinutes),
      refreshTokenValidity: Duration.days(tokens.refreshTokenDays),
      enableTokenRevocation: true,
      preventUserExistenceErrors: true,
    });
    // Only the code grant and its refresh tokens: with no flows listed Cognito would also allow
    // SRP and custom auth on this client.
    (this.client.node.defaultChild as CfnUserPoolClient).explicitAuthFlows = [
      'ALLOW_REFRESH_TOKEN_AUTH',
    ];
    // The client names the providers by name, so they must exist first.
    for (const provider of this.providers) this.client.node.addDependency(provider);
    // Managed login (v2) shows an error page until the client has a style.
    new CfnManagedLoginBranding(this, 'Branding', {
      userPoolId: pool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    });
  }

  /** https://<prefix>.auth.<region>.amazoncognito.com */
  get baseUrl(): string {
    return this.domain.baseUrl();
  }
}
