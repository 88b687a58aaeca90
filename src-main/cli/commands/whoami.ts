import { openSignedIn, SIGN_IN_HELP, SIGN_IN_OPTIONS } from '../session/require-session';
import { keychainReport } from '../session/keychain-words';
import { EXIT } from '../runtime/exit';
import type { Command } from './command';

/** `hakobu whoami`: who is signed in, and where their files really go. */
export const whoamiCommand: Command = {
  name: 'whoami',
  summary: 'Show who is logged in and the real S3 prefix of each location',
  help: `Usage: hakobu whoami

Shows the logged-in user, the Identity Pool identity ID, and for each location the bucket and
the real key prefix (\${identityId}/ resolved) that uploads go to.

Options:
${SIGN_IN_HELP}`,
  options: SIGN_IN_OPTIONS,
  maxPositionals: 0,
  async run(ctx, { values }) {
    const { view, services } = await openSignedIn(ctx, values);
    const locations = services.library.locations();
    const keychain = await keychainReport(view.keychain, ctx.secrets);
    ctx.out.line(`Logged in as ${view.username}`);
    ctx.out.line(`Identity ID: ${services.identityId}`);
    ctx.out.line('Locations:');
    for (const location of locations) {
      const access = location.access === 'read' ? 'read-only' : 'read and write';
      ctx.out.line(`  ${location.name}  s3://${location.bucket}/${location.prefix}  (${access})`);
    }
    ctx.out.line(keychain.message);
    ctx.out.document({
      ok: true,
      username: view.username,
      identityId: services.identityId,
      locations,
      keychain,
    });
    return EXIT.ok;
  },
};
