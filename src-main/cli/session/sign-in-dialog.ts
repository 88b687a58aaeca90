import type { InvokeArgs, InvokeChannelName } from '../../contract/channels';
import type { SessionView } from '../../contract/views';
import type { HakobuApp } from '../../core/api/app';
import { UserFacingError } from '../../core/errors/user-facing';
import { InputEnded, PromptInterrupted } from '../io/prompt';
import type { CliContext } from '../runtime/context';
import { failure } from '../runtime/exit';
import { invoke } from '../runtime/invoke';
import { enrolmentText } from './totp-enrolment';

type Challenge = Extract<SessionView, { status: 'challenge' }>;
type SignedInView = Extract<SessionView, { status: 'signedIn' }>;

/** How many times a person at a terminal may retype a wrong code or a refused password. */
const ATTEMPTS = 3;
/** Errors worth another try at a terminal: the answer was wrong, the sign-in is still going. */
const RETRYABLE = new Set(['auth.codeMismatch', 'auth.passwordPolicy', 'cli.badCode']);

/** Answers given on the command line, so they are not asked for. */
export interface SignInAnswers {
  username?: string;
}

/** Turns the end of piped input or Ctrl-C at a prompt into a plain failure. */
async function answer(ctx: CliContext, question: string, hidden = false): Promise<string> {
  try {
    return await ctx.prompt.ask(question, { hidden });
  } catch (error) {
    if (error instanceof PromptInterrupted) throw failure('cli.cancelled', 'Login cancelled.');
    if (error instanceof InputEnded) {
      throw failure(
        'cli.inputEnded',
        `The input ended while Hakobu was asking "${error.question.trim()}". Give one answer per line.`,
      );
    }
    throw error;
  }
}

function checkedCode(text: string): string {
  const code = text.replace(/\s+/g, '');
  if (!/^\d{6,8}$/.test(code)) throw failure('cli.badCode', 'A code is 6 to 8 digits. Try again.');
  return code;
}

/**
 * Asks and submits one answer; at a terminal a wrong answer is asked again (while the challenge
 * still waits), in a script it fails at once so the script's author sees the message.
 */
async function withRetries(
  ctx: CliContext,
  app: HakobuApp,
  attempt: () => Promise<SessionView>,
): Promise<SessionView> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      const retry =
        error instanceof UserFacingError &&
        RETRYABLE.has(error.code) &&
        ctx.prompt.interactive &&
        tries < ATTEMPTS &&
        app.auth().state.status === 'challenge';
      if (!retry) throw error;
      ctx.out.note(error.message);
    }
  }
}

async function newPassword(ctx: CliContext): Promise<string> {
  for (;;) {
    const first = await answer(ctx, 'New password: ', true);
    if (!ctx.prompt.interactive) return first;
    const again = await answer(ctx, 'New password again: ', true);
    if (first === again) return first;
    ctx.out.note('The two passwords differ. Try again.');
  }
}

async function answerChallenge(
  ctx: CliContext,
  app: HakobuApp,
  view: Challenge,
): Promise<SessionView> {
  const call = <C extends InvokeChannelName>(channel: C, ...args: InvokeArgs<C>) =>
    invoke(app, ctx.log, channel, ...args);
  switch (view.challenge) {
    case 'NEW_PASSWORD_REQUIRED':
      ctx.out.note('You signed in with a temporary password. Choose your own password now.');
      return withRetries(ctx, app, async () =>
        call('session.completeNewPassword', { newPassword: await newPassword(ctx) }),
      );
    case 'SOFTWARE_TOKEN_MFA':
      return withRetries(ctx, app, async () =>
        call('session.submitMfaCode', {
          code: checkedCode(await answer(ctx, 'Code from your authenticator app: ')),
        }),
      );
    case 'SMS_MFA': {
      const where = view.destination ? ` to ${view.destination}` : '';
      return withRetries(ctx, app, async () =>
        call('session.submitMfaCode', {
          code: checkedCode(await answer(ctx, `Code sent by text message${where}: `)),
        }),
      );
    }
    case 'MFA_SETUP': {
      if (!view.otpauthUri)
        throw failure('auth.mfaSetupUnavailable', 'Cognito sent no secret to enrol.');
      ctx.out.note(await enrolmentText(view.otpauthUri, ctx.out.interactiveErr));
      return withRetries(ctx, app, async () =>
        call('session.verifyTotpSetup', {
          code: checkedCode(await answer(ctx, 'First code from your authenticator app: ')),
        }),
      );
    }
  }
}

/**
 * Signs in at the prompt: username and password (hidden at a terminal, one line each from a
 * pipe), then whatever the user pool asks for (new password, TOTP or SMS code, TOTP enrolment).
 */
export async function signInDialog(
  ctx: CliContext,
  app: HakobuApp,
  start: SessionView,
  given: SignInAnswers,
): Promise<SignedInView> {
  const last = start.status === 'signedOut' ? start.lastUsername : undefined;
  let username = given.username?.trim();
  if (!username) {
    const typed = (await answer(ctx, last ? `Username [${last}]: ` : 'Username: ')).trim();
    username = typed || last;
  }
  if (!username) throw failure('cli.noUsername', 'Give a username (or --username).');
  const password = await answer(ctx, 'Password: ', true);
  if (!password) throw failure('cli.noPassword', 'The password was empty.');

  let view = await invoke(app, ctx.log, 'session.signIn', { username, password });
  while (view.status === 'challenge') view = await answerChallenge(ctx, app, view);
  if (view.status === 'signedIn') return view;
  const error = 'error' in view ? view.error : undefined;
  throw failure(error?.code ?? 'auth.signInFailed', error?.message ?? 'Sign-in did not finish.');
}
