import type { EventChannels, EventName } from '../../contract/channels';
import type { SessionServices } from '../../core/api/session-services';
import type { HakobuApp } from '../../core/api/app';
import type { TransferEngine } from '../../core/transfers';
import { itemKey } from '../../core/transfers/item';
import { UploadProgress } from '../progress/upload-progress';
import type { CliContext } from '../runtime/context';
import type { ExitCode } from '../runtime/exit';
import { ConflictAnswers } from './conflict-answers';
import { InterruptGuard } from './interrupt';
import { printSummary } from './summary';

const busy = (transfers: TransferEngine) => transfers.totals().active > 0;
const inConflict = (transfers: TransferEngine) => transfers.itemsIn('conflict');

/** The session whose queue runs, and how its progress is shown. */
export interface RunTransfersOptions {
  app: HakobuApp;
  services: SessionServices;
  jsonProgress: boolean;
  /** Adds work (enqueue, resume…) once progress and conflicts are being watched; `note` prints above the bar. */
  begin(note: (text: string) => void): Promise<unknown>;
}

/**
 * Runs the upload queue to the end with progress, conflict answers and a clean pause on Ctrl-C,
 * then prints the summary. Failed, skipped and paused items end the wait as well: the user
 * decides about them (retry with `hakobu resume`).
 */
export async function runTransfers(
  ctx: CliContext,
  options: RunTransfersOptions,
): Promise<ExitCode> {
  const transfers = options.services.transfers;
  const started = Date.now();
  const progress = new UploadProgress(ctx.out, {
    verbose: ctx.verbose,
    jsonProgress: options.jsonProgress,
  });
  const guard = new InterruptGuard(
    () => transfers.pause(),
    (text) => progress.note(text),
  );
  const answers = new ConflictAnswers(ctx, transfers, progress, () => guard.request());
  const unsubscribe = options.app.subscribe(
    <E extends EventName>(event: E, payload: EventChannels[E]) => {
      if (event === 'transfers.changed')
        progress.update(payload as EventChannels['transfers.changed']);
      if (event === 'transfers.conflict' && !guard.requested)
        answers.answer(payload as EventChannels['transfers.conflict']);
    },
  );
  const uninstall = guard.install();
  try {
    progress.reset(transfers.snapshot());
    await options.begin((text) => progress.note(text));
    for (;;) {
      if (guard.requested) break;
      await transfers.whenIdle();
      await answers.idle();
      if (guard.requested) break;
      if (busy(transfers)) continue;
      const waiting = inConflict(transfers);
      if (waiting.length === 0) break;
      for (const item of waiting) {
        answers.answer({ itemId: item.id, key: itemKey(item), location: item.location });
      }
      await answers.idle();
      // Nobody could answer (Ctrl-C at the question): leave them for `hakobu resume`.
      if (!busy(transfers) && inConflict(transfers).length === waiting.length) break;
    }
    if (guard.requested) {
      await guard.settled();
      // Files a large folder queued while the first pause ran are paused too.
      await transfers.pause();
    }
    // The feed sends at most every 150 ms, so the last changes may not have arrived yet: catch up
    // once from the whole queue (transitions already reported are not reported again).
    progress.reset(transfers.snapshot());
  } finally {
    uninstall();
    unsubscribe();
    progress.finish();
  }
  return printSummary(
    ctx.out,
    {
      snapshot: transfers.snapshot(),
      interrupted: guard.requested,
      elapsedSeconds: (Date.now() - started) / 1000,
    },
    options.jsonProgress,
  );
}
