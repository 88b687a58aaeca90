import type { SessionView } from '../../contract/views';
import type { SessionServices } from '../../core/api/session-services';
import { flag, stringOption, type OptionValues } from '../commands/command';
import type { CliContext, OpenedApp } from '../runtime/context';
import { failure } from '../runtime/exit';
import { keychainReport } from './keychain-words';
import { signInDialog } from './sign-in-dialog';

/** A signed-in session with its services: what commands that touch S3 need. */
export interface SignedIn extends OpenedApp {
  view: Extract<SessionView, { status: 'signedIn' }>;
  services: SessionServices;
}

/** The options with which any command that needs a session can log in on the way. */
export const SIGN_IN_OPTIONS = {
  username: { type: 'string' },
  'password-stdin': { type: 'boolean' },
} as const;

/** Help lines for SIGN_IN_OPTIONS. */
export const SIGN_IN_HELP = `  --username NAME     log in first if needed (for scripts without a keychain)
  --password-stdin    with --username: read the password from stdin`;

function notSignedIn(view: SessionView): Error {
  if (view.status === 'expired') {
    return failure(
      view.error.code,
      `${view.error.message} Run \`hakobu login\`; queued uploads continue with \`hakobu resume\`.`,
    );
  }
  if (view.status === 'signedOut' && view.error) {
    return failure(view.error.code, view.error.message, view.error.params);
  }
  return failure('auth.signInRequired', 'You are not logged in. Run `hakobu login` first.');
}

/**
 * Opens the app and insists on a signed-in user with storage access. With --username (or
 * --password-stdin) a missing or ended session is renewed on the way, which is how scripts work
 * where no keychain keeps a login between commands.
 */
export async function openSignedIn(ctx: CliContext, values: OptionValues = {}): Promise<SignedIn> {
  const opened = await ctx.open();
  const { app } = opened;
  let view = opened.view;
  const username = stringOption(values, 'username');
  const inline = username !== undefined || flag(values, 'password-stdin');
  const configBroken = view.status === 'signedOut' && view.error?.code === 'config.invalid';
  if (view.status !== 'signedIn' && inline && !configBroken) {
    view = await signInDialog(ctx, app, view, username ? { username } : {});
    const keychain = await keychainReport(view.keychain, ctx.secrets);
    ctx.out.note(`Logged in as ${view.username}.${keychain.remembered ? '' : ' (session-only)'}`);
  }
  if (view.status !== 'signedIn') throw notSignedIn(view);
  const services = app.services();
  if (!services || !view.identityId) {
    throw failure(
      view.error?.code ?? 'identity.failed',
      view.error?.message ??
        'Hakobu could not get storage access for your account. Run `hakobu doctor` for details.',
    );
  }
  return { app, view, services };
}
