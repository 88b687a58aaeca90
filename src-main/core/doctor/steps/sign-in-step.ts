import { UserFacingError } from '../../api/dispatch';
import { createAuthSession } from '../../auth';
import type { DoctorContext } from '../context';
import { failed, passed, skipped } from '../outcome';
import { readIdToken } from '../probes/id-token';
import type { DoctorSession, StepOutcome } from '../types';

type Tokens = { idToken: string; accessToken: string | undefined };
type SignInResult = { tokens: Tokens } | { outcome: StepOutcome };

const errorText = (error: unknown) =>
  error instanceof Error ? error.message : `unexpected failure: ${String(error)}`;

async function fromSession(session: DoctorSession): Promise<SignInResult> {
  try {
    const idToken = await session.getIdToken();
    const accessToken = session.getAccessToken ? await session.getAccessToken() : undefined;
    return { tokens: { idToken, accessToken } };
  } catch (error) {
    return {
      outcome: failed(
        'doctor.signIn.sessionUnavailable',
        `The signed-in session could not give a valid ID token: ${errorText(error)}`,
        'Sign in again in Hakobu, then run doctor again.',
      ),
    };
  }
}

function signInFailure(ctx: DoctorContext, error: unknown): StepOutcome {
  const code = error instanceof UserFacingError ? error.code : 'unexpected';
  const { userPoolId, clientId, authFlow } = ctx.config;
  // SRP mixes the pool name into the password proof: a client of another pool looks like a wrong password.
  const poolHint =
    code === 'auth.wrongCredentials' && authFlow === 'USER_SRP_AUTH'
      ? ` If they are right, check that userPoolId ${userPoolId} is the user pool that app client ` +
        `${clientId} belongs to: with USER_SRP_AUTH a mismatch looks exactly like a wrong password.`
      : '';
  return failed(
    'doctor.signIn.failed',
    `Sign-in failed: ${errorText(error)}`,
    code === 'auth.wrongCredentials'
      ? `Check the username and password given to doctor.${poolHint}`
      : 'Fix what the message says, then run doctor again.',
    { authCode: code },
  );
}

async function withPassword(
  ctx: DoctorContext,
  username: string,
  password: string,
): Promise<SignInResult> {
  // Memory only (no keychain): doctor's sign-in must not replace the app's saved session.
  const session = createAuthSession({ config: ctx.config, log: ctx.log });
  ctx.onFinish(() => session.dispose());
  try {
    const state = await session.signIn(username, password);
    if (state.status === 'challenge') {
      return {
        outcome: skipped(
          'doctor.signIn.challenge',
          `Signing in as ${username} needs one more step (${state.challenge}) that doctor cannot ` +
            'answer, so the steps that need a signed-in user were skipped. Sign in to Hakobu and ' +
            'run doctor from the app, where it uses the signed-in session.',
          { challenge: state.challenge },
        ),
      };
    }
    if (state.status !== 'signedIn') {
      return { outcome: signInFailure(ctx, new Error(`sign-in ended ${state.status}`)) };
    }
    return {
      tokens: { idToken: await session.getIdToken(), accessToken: await session.getAccessToken() },
    };
  } catch (error) {
    return { outcome: signInFailure(ctx, error) };
  }
}

/**
 * Step 7: an ID token from the configured pool and client, from the app's session or a sign-in
 * with the username and password given to doctor.
 */
export async function checkSignIn(ctx: DoctorContext): Promise<StepOutcome> {
  const how = ctx.signIn;
  if (!how && ctx.config.signIn.method === 'managedLogin') {
    return skipped(
      'doctor.signIn.notGivenBrowser',
      'No user was signed in, so the identity pool provider, role and bucket steps were skipped. ' +
        'Sign in through the browser (hakobu login --browser, or in Hakobu), then run doctor again.',
    );
  }
  if (!how) {
    return skipped(
      'doctor.signIn.notGiven',
      'No user was signed in and no username and password were given, so the identity pool ' +
        'provider, role and bucket steps were skipped. Run doctor from Hakobu while signed in, or ' +
        'give it a username (hakobu doctor --username NAME).',
    );
  }
  const result =
    'session' in how
      ? await fromSession(how.session)
      : await withPassword(ctx, how.username, how.password);
  if ('outcome' in result) return result.outcome;
  const claims = readIdToken(result.tokens.idToken);
  if (!claims || claims.tokenUse !== 'id') {
    return failed(
      'doctor.signIn.notIdToken',
      'The session gave a token that is not a Cognito ID token.',
      "Report this to Hakobu's developers: only the ID token may go to the identity pool.",
    );
  }
  const { userPoolId, clientId } = ctx.config;
  const params = { userPoolId, clientId, tokenPool: claims.userPoolId };
  if (claims.userPoolId !== userPoolId) {
    return failed(
      'doctor.signIn.otherPool',
      `The ID token was issued by user pool ${claims.userPoolId}, but the config names ${userPoolId}.`,
      `App client ${clientId} belongs to user pool ${claims.userPoolId}: set userPoolId to it, or ` +
        `use an app client of ${userPoolId}.`,
      params,
    );
  }
  if (!claims.audiences.includes(clientId)) {
    return failed(
      'doctor.signIn.otherClient',
      `The ID token was issued to app client ${claims.audiences.join(', ')}, not ${clientId}.`,
      'Sign in again in Hakobu after changing clientId, then run doctor again.',
      params,
    );
  }
  ctx.facts.user = { ...result.tokens, claims };
  const who = claims.signInName ?? claims.sub;
  return passed(
    'doctor.signIn.ok',
    `Signed in as ${who}: ID token from user pool ${userPoolId} for app client ${clientId}, ` +
      `valid until ${new Date(claims.expiresAt).toISOString()}.`,
    { ...params, username: who },
  );
}
