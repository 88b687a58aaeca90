import type { SessionView } from '../../contract/views';
import type { HakobuApp } from '../../core/api/app';
import type { CliContext } from '../runtime/context';
import { failure } from '../runtime/exit';
import { openSystemBrowser } from './open-browser';

type SignedInView = Extract<SessionView, { status: 'signedIn' }>;

/**
 * `hakobu login --browser`: signs in through Cognito managed login in the system browser. The
 * address always goes to stderr, so that with --no-open (no browser on this machine) it can be
 * opened elsewhere; the loopback listener must still be reachable from that browser.
 */
export async function browserLogin(
  ctx: CliContext,
  app: HakobuApp,
  options: { open: boolean },
): Promise<SignedInView> {
  const auth = app.auth();
  const opener = async (url: string) => {
    if (!options.open) {
      ctx.out.note(`Open this address in a browser on this computer to log in:\n${url}`);
      return;
    }
    ctx.out.note(`Opening your browser to log in. If it does not open, visit:\n${url}`);
    // A machine without a desktop has no opener: the address above still works, so keep waiting.
    await openSystemBrowser(url).catch(() =>
      ctx.out.note('No browser could be opened here: open the address above in a browser.'),
    );
  };
  await auth.browser.start(opener);
  ctx.out.note('Waiting for the browser… (Ctrl+C to stop)');
  const state = await auth.browser.wait();
  const view = await app.handlers['session.get']();
  if (view.status === 'signedIn') return view;
  const error = state.status === 'signedOut' ? state.error : undefined;
  throw failure(error?.code ?? 'auth.signInRequired', error?.message ?? 'You are not logged in.');
}
