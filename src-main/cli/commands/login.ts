import type { SessionView } from '../../contract/views';
import { browserLogin } from '../session/browser-login';
import { signInDialog } from '../session/sign-in-dialog';
import { keychainReport } from '../session/keychain-words';
import type { CliContext } from '../runtime/context';
import { SIGN_IN_OPTIONS } from '../session/require-session';
import { EXIT, failure } from '../runtime/exit';
import { flag, stringOption, type Command } from './command';

type SignedInView = Extract<SessionView, { status: 'signedIn' }>;

async function report(ctx: CliContext, view: SignedInView, already: boolean) {
  const keychain = await keychainReport(view.keychain, ctx.secrets);
  ctx.out.line(`${already ? 'Already logged in' : 'Logged in'} as ${view.username}.`);
  if (view.identityId) ctx.out.line(`Identity ID: ${view.identityId}`);
  ctx.out.line(keychain.message);
  if (keychain.fix) ctx.out.line(`To keep it: ${keychain.fix}`);
  if (view.error) ctx.out.note(`hakobu: ${view.error.message}`);
  ctx.out.document({
    ok: !view.error,
    username: view.username,
    identityId: view.identityId ?? null,
    alreadyLoggedIn: already,
    keychain: keychain,
    ...(view.error ? { error: view.error } : {}),
  });
  // Signed in but refused by the Identity Pool: nothing that touches S3 will work.
  return view.error ? EXIT.failure : EXIT.ok;
}

/** `hakobu login`: signs in, answering every challenge at the prompt or from piped stdin. */
export const loginCommand: Command = {
  name: 'login',
  summary: 'Log in (password, new password, MFA codes, authenticator enrolment)',
  help: `Usage: hakobu login [--username NAME] [--password-stdin]
       hakobu login --browser [--no-open]

Logs in to the configured user pool and keeps the sign-in in the system keychain.
Asks for what is missing: the username, the password (not shown on a terminal), and whatever
the account needs next — a new password, a code from an authenticator app or a text message,
or enrolling an authenticator app (the QR code, secret key and otpauth:// URI are shown).
Without a terminal, answers are read from stdin one per line, so a script can pipe them:

  printf '%s\\n' "$PASSWORD" | hakobu login --username alice@example.com --password-stdin

With --browser (the default where IT set signIn.method to "managedLogin"), Hakobu opens the
system browser at the company's sign-in page and waits for it to come back to this computer.

Options:
  --username NAME     who logs in (else asked; the last user is offered)
  --password-stdin    read the password (and later answers) from stdin
  --browser           log in through the browser (Cognito managed login, the company's IdP)
  --no-open           with --browser: print the address instead of opening a browser, to open
                      it in a browser elsewhere that can still reach this computer's localhost
Without a system keychain the login lasts for this command only; Hakobu says so.`,
  options: { ...SIGN_IN_OPTIONS, browser: { type: 'boolean' }, 'no-open': { type: 'boolean' } },
  maxPositionals: 0,
  async run(ctx, { values }) {
    const { app, view } = await ctx.open();
    const wanted = stringOption(values, 'username')?.trim();
    if (view.status === 'signedIn') {
      if (!wanted || wanted === view.username) return report(ctx, view, true);
      throw failure(
        'cli.otherUserLoggedIn',
        `${view.username} is logged in. Run \`hakobu logout\` first to log in as ${wanted}.`,
      );
    }
    if (view.status === 'signedOut' && view.error?.code === 'config.invalid') {
      throw failure(view.error.code, view.error.message, view.error.params);
    }
    if (view.status === 'expired') ctx.out.note(view.error.message);
    const browserConfigured =
      (view.status === 'signedOut' || view.status === 'expired') &&
      view.browserSignIn !== undefined;
    if (flag(values, 'browser') || (browserConfigured && !wanted)) {
      return report(ctx, await browserLogin(ctx, app, { open: !flag(values, 'no-open') }), false);
    }
    const signedIn = await signInDialog(ctx, app, view, wanted ? { username: wanted } : {});
    return report(ctx, signedIn, false);
  },
};
