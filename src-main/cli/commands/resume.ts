import { EXIT } from '../runtime/exit';
import { openSignedIn, SIGN_IN_HELP, SIGN_IN_OPTIONS } from '../session/require-session';
import { runTransfers } from '../transfers/run-transfers';
import { plural } from '../io/format';
import { flag, type Command } from './command';

const UNFINISHED = new Set(['queued', 'uploading', 'paused', 'failed', 'conflict']);

/** `hakobu resume`: continues whatever the journal kept (paused, interrupted, failed uploads). */
export const resumeCommand: Command = {
  name: 'resume',
  summary: 'Continue unfinished uploads (after Ctrl-C, a crash or a new login)',
  help: `Usage: hakobu resume

Continues every unfinished upload of the logged-in user from the journal: paused ones, ones a
crash or a lost session interrupted (parts already on S3 are kept, never sent twice), and
failed ones (tried again). Waits until they are done, like \`hakobu upload\`.

Options:
  --json, --json-progress, --verbose   as for \`hakobu upload\`
${SIGN_IN_HELP}`,
  options: { ...SIGN_IN_OPTIONS, 'json-progress': { type: 'boolean' } },
  maxPositionals: 0,
  async run(ctx, { values }) {
    const { app, services } = await openSignedIn(ctx, values);
    const transfers = services.transfers;
    const unfinished = transfers.snapshot().items.filter((i) => UNFINISHED.has(i.state));
    if (unfinished.length === 0) {
      ctx.out.line('Nothing to resume.');
      ctx.out.document({ ok: true, completed: 0, skipped: 0, failed: 0, paused: 0, items: [] });
      return EXIT.ok;
    }
    ctx.out.note(`Resuming ${plural(unfinished.length, 'upload')}.`);
    return runTransfers(ctx, {
      app,
      services,
      jsonProgress: flag(values, 'json-progress'),
      begin: async () => {
        await transfers.resume();
        await transfers.retry();
      },
    });
  },
};
