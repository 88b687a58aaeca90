import type { z } from 'zod';
import type { ExplicitAuthFlow, UserSetup } from '../schema';
import { resourcesOfType, type CfnTemplate } from './cfn-template';
import type { ReferenceResolver } from './intrinsics';

type Resolve = (value: unknown) => unknown;
type Props = Record<string, unknown>;

// Cognito's ExplicitAuthFlows when a client lists none.
const DEFAULT_FLOWS: ExplicitAuthFlow[] = [
  'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_CUSTOM_AUTH',
];

const SECONDS: Record<string, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

/** A token lifetime in seconds from a client's value and TokenValidityUnits (Cognito's defaults). */
function lifetime(props: Props, key: string, unitKey: string, fallback: [number, string]) {
  const units = (props.TokenValidityUnits ?? {}) as Record<string, string>;
  const value = typeof props[key] === 'number' ? props[key] : fallback[0];
  const unit = units[unitKey] ?? fallback[1];
  const factor = SECONDS[unit];
  if (!factor) throw new Error(`TokenValidityUnits.${unitKey}: unknown unit ${unit}`);
  return value * factor;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

function clientsOf(
  template: CfnTemplate,
  poolId: string,
  refs: ReferenceResolver,
  resolve: Resolve,
) {
  return resourcesOfType(template, 'AWS::Cognito::UserPoolClient')
    .map(([logicalId, client]) => ({ logicalId, props: resolve(client.Properties) as Props }))
    .filter(({ props }) => props.UserPoolId === poolId)
    .map(({ logicalId, props }) => ({
      name: typeof props.ClientName === 'string' ? props.ClientName : logicalId,
      id: String(refs.ref(logicalId)),
      generateSecret: props.GenerateSecret === true,
      explicitAuthFlows: props.ExplicitAuthFlows ? strings(props.ExplicitAuthFlows) : DEFAULT_FLOWS,
      idTokenValiditySeconds: lifetime(props, 'IdTokenValidity', 'IdToken', [1, 'hours']),
      accessTokenValiditySeconds: lifetime(props, 'AccessTokenValidity', 'AccessToken', [
        1,
        'hours',
      ]),
      refreshTokenValiditySeconds: lifetime(props, 'RefreshTokenValidity', 'RefreshToken', [
        30,
        'days',
      ]),
      refreshTokenRotation:
        (props.RefreshTokenRotation as { Feature?: string } | undefined)?.Feature === 'ENABLED',
      // Managed login (issue 12): read by local-aws's OAuth endpoints where its schema has them.
      allowedOAuthFlows: strings(props.AllowedOAuthFlows),
      allowedOAuthScopes: strings(props.AllowedOAuthScopes),
      callbackUrls: strings(props.CallbackURLs),
      logoutUrls: strings(props.LogoutURLs),
      supportedIdentityProviders: strings(props.SupportedIdentityProviders),
    }));
}

// Cognito's PasswordPolicy keys and the setup's names for them.
const PASSWORD_POLICY_KEYS = {
  MinimumLength: 'minimumLength',
  RequireUppercase: 'requireUppercase',
  RequireLowercase: 'requireLowercase',
  RequireNumbers: 'requireNumbers',
  RequireSymbols: 'requireSymbols',
  TemporaryPasswordValidityDays: 'temporaryPasswordValidityDays',
} as const;

function passwordPolicyOf(props: Props): Record<string, unknown> {
  const policy = ((props.Policies as Props | undefined)?.PasswordPolicy ?? {}) as Props;
  return Object.fromEntries(
    Object.entries(PASSWORD_POLICY_KEYS)
      .filter(([cfnKey]) => policy[cfnKey] !== undefined)
      .map(([cfnKey, setupKey]) => [setupKey, policy[cfnKey]]),
  );
}

/**
 * The pool's OIDC providers, as local-aws's built-in company IdP stands in for them (no users:
 * a test adds its own). SAML providers are not modelled.
 */
function oidcProvidersOf(template: CfnTemplate, poolId: string, resolve: Resolve) {
  return resourcesOfType(template, 'AWS::Cognito::UserPoolIdentityProvider')
    .map(([, provider]) => resolve(provider.Properties) as Props)
    .filter((p) => p.UserPoolId === poolId && p.ProviderType === 'OIDC')
    .map((p) => {
      const details = (p.ProviderDetails ?? {}) as Props;
      return {
        name: String(p.ProviderName),
        type: 'OIDC',
        attributeMapping: (p.AttributeMapping ?? {}) as Record<string, string>,
        authorizeScopes: String(details.authorize_scopes ?? 'openid').split(/\s+/),
      };
    });
}

/** The template's user pools with their clients and groups; `users` go into the first pool. */
export function userPoolsOf(
  template: CfnTemplate,
  refs: ReferenceResolver,
  resolve: Resolve,
  users: z.input<typeof UserSetup>[],
) {
  return resourcesOfType(template, 'AWS::Cognito::UserPool').map(([logicalId, pool], index) => {
    const props = resolve(pool.Properties) as Props;
    const id = String(refs.ref(logicalId));
    const groups = resourcesOfType(template, 'AWS::Cognito::UserPoolGroup')
      .map(([groupId, group]) => ({ groupId, props: resolve(group.Properties) as Props }))
      .filter((group) => group.props.UserPoolId === id)
      .map((group) => ({
        name: String(refs.ref(group.groupId)),
        ...(typeof group.props.RoleArn === 'string' ? { roleArn: group.props.RoleArn } : {}),
        ...(typeof group.props.Precedence === 'number'
          ? { precedence: group.props.Precedence }
          : {}),
      }));
    const domain = resourcesOfType(template, 'AWS::Cognito::UserPoolDomain')
      .map(([, d]) => resolve(d.Properties) as Props)
      .find((d) => d.UserPoolId === id)?.Domain;
    return {
      ...(typeof domain === 'string' ? { domain } : {}),
      identityProviders: oidcProvidersOf(template, id, resolve),
      name: typeof props.UserPoolName === 'string' ? props.UserPoolName : logicalId,
      id,
      usernameAttributes: strings(props.UsernameAttributes),
      aliasAttributes: strings(props.AliasAttributes),
      mfaConfiguration: typeof props.MfaConfiguration === 'string' ? props.MfaConfiguration : 'OFF',
      passwordPolicy: passwordPolicyOf(props),
      clients: clientsOf(template, id, refs, resolve),
      groups,
      users: index === 0 ? users : [],
    };
  });
}

/** The template's identity pools with their providers, roles and "choose role from token". */
export function identityPoolsOf(template: CfnTemplate, refs: ReferenceResolver, resolve: Resolve) {
  const attachments = resourcesOfType(template, 'AWS::Cognito::IdentityPoolRoleAttachment').map(
    ([, attachment]) => resolve(attachment.Properties) as Props,
  );
  return resourcesOfType(template, 'AWS::Cognito::IdentityPool').map(([logicalId, pool]) => {
    const props = resolve(pool.Properties) as Props;
    const id = String(refs.ref(logicalId));
    const byPool = new Map<string, string[]>();
    for (const provider of (props.CognitoIdentityProviders ?? []) as Props[]) {
      const poolId = /^cognito-idp\.[^/]+\/(.+)$/.exec(String(provider.ProviderName))?.[1];
      if (!poolId)
        throw new Error(
          `identity pool ${logicalId}: provider ${String(provider.ProviderName)} is not a user pool`,
        );
      byPool.set(poolId, [...(byPool.get(poolId) ?? []), ...strings([provider.ClientId])]);
    }
    const attachment = attachments.find((a) => a.IdentityPoolId === id) ?? {};
    const roles = (attachment.Roles ?? {}) as Record<string, string>;
    const mappings = Object.values((attachment.RoleMappings ?? {}) as Record<string, Props>);
    const rules = mappings.find((m) => m.Type !== 'Token');
    if (rules)
      throw new Error(
        `identity pool ${logicalId}: local-aws models only Token role mappings, not ${String(rules.Type)}`,
      );
    const token = mappings[0];
    return {
      name: typeof props.IdentityPoolName === 'string' ? props.IdentityPoolName : logicalId,
      id,
      allowUnauthenticatedIdentities: props.AllowUnauthenticatedIdentities === true,
      providers: [...byPool].map(([userPool, clients]) => ({ userPool, clients })),
      roles: {
        ...(roles.authenticated ? { authenticated: roles.authenticated } : {}),
        ...(roles.unauthenticated ? { unauthenticated: roles.unauthenticated } : {}),
      },
      ...(token
        ? {
            roleMapping: {
              type: 'Token',
              ambiguousRoleResolution: token.AmbiguousRoleResolution ?? 'Deny',
            },
          }
        : {}),
    };
  });
}
