import type { CliContext } from '../runtime/context';
import { EXIT } from '../runtime/exit';
import { invoke } from '../runtime/invoke';
import type { Command } from './command';
import { plural } from '../io/format';

function unfinishedUploads(ctx: CliContext, count: number): void {
  if (count === 0) return;
  ctx.out.line(
    `${plural(count, 'unfinished upload')} stay queued on this computer; ` +
      'after the next login, `hakobu resume` finishes them (or `hakobu cancel` drops them).',
  );
}

/** `hakobu logout`: ends the session at Cognito and removes it from the keychain. */
export const logoutCommand: Command = {
  name: 'logout',
  summary: 'Log out and remove the sign-in from the keychain',
  help: `Usage: hakobu logout

Signs out at Cognito (the refresh token is revoked) and deletes the sign-in from the system
keychain. Unfinished uploads stay queued for the next login.`,
  options: {},
  maxPositionals: 0,
  async run(ctx) {
    const { app, view } = await ctx.open();
    if (view.status === 'signedOut' && view.error?.code === 'config.invalid') {
      ctx.out.failure(view.error);
      return EXIT.failure;
    }
    if (view.status === 'signedOut') {
      ctx.out.line('You are not logged in.');
      ctx.out.document({ ok: true, wasLoggedIn: false });
      return EXIT.ok;
    }
    const username = view.username;
    const unfinished =
      app
        .services()
        ?.transfers.snapshot()
        .items.filter((item) => !['completed', 'skipped', 'cancelled'].includes(item.state))
        .length ?? 0;
    await invoke(app, ctx.log, 'session.signOut');
    ctx.out.line(`Logged out ${username}; the sign-in was removed from this computer.`);
    unfinishedUploads(ctx, unfinished);
    ctx.out.document({ ok: true, wasLoggedIn: true, username, unfinishedUploads: unfinished });
    return EXIT.ok;
  },
};
