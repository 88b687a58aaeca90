import { GetIdCommand } from '@aws-sdk/client-cognito-identity';
import type { DoctorContext } from '../context';
import { failed, passed, skipped } from '../outcome';
import { attempt, describeError, type ProbeError } from '../probes/attempt';
import { loginProviderName } from '../probes/services';
import type { StepOutcome } from '../types';

/** What the identity pool lists as Cognito providers, when administrator credentials showed it. */
function listedProviders(ctx: DoctorContext): string | undefined {
  const providers = ctx.facts.poolDescription?.CognitoIdentityProviders;
  if (!providers) return undefined;
  if (providers.length === 0) return 'It lists no Cognito user pool provider at all.';
  const listed = providers
    .map((p) => `${p.ProviderName ?? '?'} with app client ${p.ClientId ?? '?'}`)
    .join('; ');
  return `It lists: ${listed}.`;
}

function providerRefused(ctx: DoctorContext, error: ProbeError): StepOutcome {
  const { identityPoolId, userPoolId, clientId } = ctx.config;
  const params = { identityPoolId, userPoolId, clientId };
  const fix =
    `In identity pool ${identityPoolId} (Cognito console > Identity pools > User access > ` +
    `Identity providers), the Amazon Cognito user pool provider must name user pool ID ` +
    `${userPoolId} and app client ID ${clientId}. Add that provider, or edit the existing one ` +
    'if it names another app client (e.g. after the app client was replaced).';
  if (/not from a supported provider/i.test(error.message)) {
    const listed = listedProviders(ctx);
    return failed(
      'doctor.identityProvider.notConfigured',
      `Identity pool ${identityPoolId} does not accept ID tokens from user pool ${userPoolId} ` +
        `and app client ${clientId} ("${error.message}").${listed ? ` ${listed}` : ''}`,
      fix,
      params,
    );
  }
  if (/issuer/i.test(error.message)) {
    return failed(
      'doctor.identityProvider.issuerMismatch',
      `The identity pool says the ID token's issuer does not match the provider ` +
        `${loginProviderName(ctx.config)} ("${error.message}").`,
      `Check that region and userPoolId in the config are the user pool's own. ${fix}`,
      params,
    );
  }
  if (/expired/i.test(error.message)) {
    return failed(
      'doctor.identityProvider.tokenExpired',
      `The identity pool found the ID token expired ("${error.message}").`,
      "Check this computer's clock (see the clock step), then run doctor again.",
      params,
    );
  }
  return failed(
    'doctor.identityProvider.unexpected',
    `The identity pool refused the ID token: ${describeError(error)}.`,
    fix,
    { ...params, error: describeError(error) },
  );
}

/**
 * Step 8: the identity pool accepts the ID token (GetId with the ID token in Logins), which
 * needs a Cognito provider naming this user pool and app client.
 */
export async function checkIdentityProvider(ctx: DoctorContext): Promise<StepOutcome> {
  const user = ctx.facts.user;
  if (!user) return skipped('doctor.skipped.notSignedIn', 'No signed-in user.');
  const { identityPoolId } = ctx.config;
  const result = await attempt(() =>
    ctx.clients.identity.send(
      new GetIdCommand({
        IdentityPoolId: identityPoolId,
        Logins: { [loginProviderName(ctx.config)]: user.idToken },
      }),
      { abortSignal: ctx.signal() },
    ),
  );
  if (!result.ok) return providerRefused(ctx, result.error);
  const identityId = result.value.IdentityId;
  if (!identityId) {
    return failed(
      'doctor.identityProvider.noIdentity',
      'The identity pool answered GetId without an identity ID.',
      'Run doctor again; if it persists, check the identity pool in the Cognito console.',
    );
  }
  ctx.facts.identityId = identityId;
  return passed(
    'doctor.identityProvider.ok',
    `Identity pool ${identityPoolId} accepts the ID token. This user's identity ID is ` +
      `${identityId}: that is what \${cognito-identity.amazonaws.com:sub} means in IAM policies ` +
      `(not the user pool sub ${user.claims.sub}).`,
    { identityId, userPoolSub: user.claims.sub },
  );
}
