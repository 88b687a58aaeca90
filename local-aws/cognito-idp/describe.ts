import { z } from 'zod';
import type { LocalAwsContext } from '../context';
import { CognitoErrors } from './errors';
import { requirePool } from './lookup';
import type { AppClientState } from './model';
import { policyOf } from './password';

/** DescribeUserPool's input. */
export const DescribeUserPoolInput = z.object({ UserPoolId: z.string().min(1) });
/** DescribeUserPoolClient's input. */
export const DescribeUserPoolClientInput = DescribeUserPoolInput.extend({
  ClientId: z.string().min(1),
});

/** DescribeUserPool: the settings doctor reads (MFA, password policy, how users sign in). */
export function describeUserPool(
  ctx: LocalAwsContext,
  input: z.infer<typeof DescribeUserPoolInput>,
) {
  const pool = requirePool(ctx, input.UserPoolId);
  const policy = policyOf(pool);
  return {
    UserPool: {
      Id: pool.id,
      Name: pool.name,
      Arn: `arn:aws:cognito-idp:${ctx.state.region}:${ctx.state.accountId}:userpool/${pool.id}`,
      Policies: {
        PasswordPolicy: {
          MinimumLength: policy.minimumLength,
          RequireUppercase: policy.requireUppercase,
          RequireLowercase: policy.requireLowercase,
          RequireNumbers: policy.requireNumbers,
          RequireSymbols: policy.requireSymbols,
          TemporaryPasswordValidityDays: policy.temporaryPasswordValidityDays,
        },
      },
      MfaConfiguration: pool.mfaConfiguration,
      ...(pool.usernameAttributes?.length ? { UsernameAttributes: pool.usernameAttributes } : {}),
      ...(pool.aliasAttributes?.length ? { AliasAttributes: pool.aliasAttributes } : {}),
      ...(pool.domain ? { Domain: pool.domain } : {}),
      EstimatedNumberOfUsers: Object.keys(pool.users).length,
      // Lookups here are exact, so the stand-in's usernames are case sensitive.
      UsernameConfiguration: { CaseSensitive: true },
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    },
  };
}

// The managed-login half of UserPoolClientType, which doctor reads to explain a redirect_mismatch.
function oauthView(client: AppClientState) {
  const oauth = client.oauth;
  if (!oauth) return { AllowedOAuthFlowsUserPoolClient: false };
  return {
    AllowedOAuthFlowsUserPoolClient: oauth.flows.length > 0,
    AllowedOAuthFlows: oauth.flows,
    AllowedOAuthScopes: oauth.scopes,
    CallbackURLs: oauth.callbackUrls,
    ...(oauth.logoutUrls.length ? { LogoutURLs: oauth.logoutUrls } : {}),
    SupportedIdentityProviders: oauth.identityProviders,
  };
}

/**
 * DescribeUserPoolClient: what doctor needs to explain a misconfigured client (the flows it
 * allows, whether it has a secret, rotation).
 */
export function describeUserPoolClient(
  ctx: LocalAwsContext,
  input: z.infer<typeof DescribeUserPoolClientInput>,
) {
  const pool = requirePool(ctx, input.UserPoolId);
  const client = Object.hasOwn(pool.clients, input.ClientId)
    ? pool.clients[input.ClientId]
    : undefined;
  if (!client) throw CognitoErrors.clientNotFound(input.ClientId);
  return {
    UserPoolClient: {
      UserPoolId: pool.id,
      ClientName: client.name,
      ClientId: client.clientId,
      ...(client.clientSecret ? { ClientSecret: client.clientSecret } : {}),
      ExplicitAuthFlows: client.explicitAuthFlows,
      IdTokenValidity: client.idTokenValiditySeconds,
      AccessTokenValidity: client.accessTokenValiditySeconds,
      RefreshTokenValidity: client.refreshTokenValiditySeconds,
      TokenValidityUnits: { IdToken: 'seconds', AccessToken: 'seconds', RefreshToken: 'seconds' },
      RefreshTokenRotation: client.refreshTokenRotation
        ? { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 }
        : { Feature: 'DISABLED' },
      EnableTokenRevocation: true,
      PreventUserExistenceErrors: 'LEGACY',
      AuthSessionValidity: 3,
      ...oauthView(client),
    },
  };
}
