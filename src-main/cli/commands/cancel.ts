import { formatBytes, plural } from '../io/format';
import { EXIT } from '../runtime/exit';
import { openSignedIn, SIGN_IN_HELP, SIGN_IN_OPTIONS } from '../session/require-session';
import type { Command } from './command';

const FINISHED = new Set(['completed', 'skipped', 'cancelled']);

/** `hakobu cancel`: drops every unfinished upload, aborting its multipart upload on S3. */
export const cancelCommand: Command = {
  name: 'cancel',
  summary: 'Drop unfinished uploads and remove their partial data from S3',
  help: `Usage: hakobu cancel

Cancels every unfinished upload of the logged-in user (paused, interrupted or failed): each
multipart upload is aborted on S3, so no orphaned parts are left (and billed), and the journal
forgets it. Files already uploaded are not touched.

Options:
  --json              print the cancelled uploads as JSON
${SIGN_IN_HELP}`,
  options: SIGN_IN_OPTIONS,
  maxPositionals: 0,
  async run(ctx, { values }) {
    const { services } = await openSignedIn(ctx, values);
    const transfers = services.transfers;
    const unfinished = transfers.snapshot().items.filter((i) => !FINISHED.has(i.state));
    if (unfinished.length === 0) {
      ctx.out.line('No unfinished uploads.');
      ctx.out.document({ ok: true, cancelled: [] });
      return EXIT.ok;
    }
    const after = await transfers.cancel(unfinished.map((i) => i.id));
    const cancelled = after.items.filter(
      (i) => i.state === 'cancelled' && unfinished.some((u) => u.id === i.id),
    );
    for (const item of cancelled) ctx.out.line(`cancelled ${item.key} (${formatBytes(item.size)})`);
    ctx.out.line(
      `Cancelled ${plural(cancelled.length, 'upload')}; their partial data was removed from S3.`,
    );
    ctx.out.document({
      ok: cancelled.length === unfinished.length,
      cancelled: cancelled.map((i) => ({ name: i.name, key: i.key, size: i.size })),
    });
    return cancelled.length === unfinished.length ? EXIT.ok : EXIT.failure;
  },
};
