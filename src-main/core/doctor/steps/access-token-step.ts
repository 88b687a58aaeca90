import { GetIdCommand } from '@aws-sdk/client-cognito-identity';
import { UserFacingError } from '../../api/dispatch';
import { idTokenClaims } from '../../credentials/id-token-claims';
import type { DoctorContext } from '../context';
import { failed, passed, skipped, warned } from '../outcome';
import { attempt, describeError } from '../probes/attempt';
import { loginProviderName } from '../probes/services';
import type { StepOutcome } from '../types';

const SYMPTOM = 'Invalid login token. Missing a required claim: aud';

const LESSON =
  'Only the ID token can be exchanged for AWS credentials: an access token has no "aud" claim. ' +
  `When another tool shows "${SYMPTOM}", it put the access token where the ID token belongs.`;

/** True when Hakobu's credentials code refuses the token before any request (it must). */
function hakobuRefuses(token: string): boolean {
  try {
    idTokenClaims(token);
    return false;
  } catch (error) {
    return error instanceof UserFacingError && error.code === 'identity.accessTokenUsed';
  }
}

/**
 * Step 9 (pitfall S1): proves Hakobu gives the identity pool the ID token, and shows
 * administrators the symptom of the opposite mistake by sending the access token once on purpose.
 */
export async function checkAccessTokenUse(ctx: DoctorContext): Promise<StepOutcome> {
  const accessToken = ctx.facts.user?.accessToken;
  if (!accessToken) {
    return skipped(
      'doctor.accessToken.notAvailable',
      `No access token was available to demonstrate with. ${LESSON}`,
    );
  }
  if (!hakobuRefuses(accessToken)) {
    return failed(
      'doctor.accessToken.notRefused',
      "Hakobu's credentials code did not refuse an access token.",
      "Report this to Hakobu's developers: only the ID token may go to the identity pool.",
    );
  }
  const result = await attempt(() =>
    ctx.clients.identity.send(
      new GetIdCommand({
        IdentityPoolId: ctx.config.identityPoolId,
        Logins: { [loginProviderName(ctx.config)]: accessToken },
      }),
      { abortSignal: ctx.signal() },
    ),
  );
  const answer = result.ok ? 'accepted it' : `answered "${describeError(result.error)}"`;
  if (!result.ok && result.error.message.includes('Missing a required claim: aud')) {
    return passed(
      'doctor.accessToken.ok',
      'Hakobu sends the identity pool only the ID token (its credentials code refuses any ' +
        `other token before sending). Sent the access token once on purpose: the identity pool ` +
        `${answer}. ${LESSON}`,
      { symptom: SYMPTOM },
    );
  }
  return warned(
    'doctor.accessToken.unexpectedAnswer',
    `Hakobu sends the identity pool only the ID token. Sent the access token once on purpose, ` +
      `expecting "${SYMPTOM}", but the identity pool ${answer}.`,
    'Nothing to change for Hakobu. If the identity pool accepted an access token, report it to AWS support.',
    { symptom: SYMPTOM },
  );
}
