import type { TransferEngine } from '../../core/transfers';

/** How long to wait for the app's own resume to show any progress before doing it ourselves. */
const QUIET_MS = 5_000;

const pausedCount = (transfers: TransferEngine) =>
  transfers.snapshot().items.filter((i) => i.state === 'paused').length;

/**
 * Waits for the resume that app.start() fires without waiting for it (it resumes paused uploads
 * when a session comes up). The engine's resume() checks an item's state before an await and
 * sets it after, so a second resume() running at the same time would start an item twice, and
 * both runs would then write its parts into one journal. Once nothing is paused, resuming again
 * is a no-op; if nothing moves for a while, the app did not resume and the caller may.
 */
export function settleAutoResume(transfers: TransferEngine): Promise<void> {
  if (pausedCount(transfers) === 0) return Promise.resolve();
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout;
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(done, QUIET_MS);
    };
    const unsubscribe = transfers.on('stateChanged', () => {
      if (pausedCount(transfers) === 0) done();
      else arm();
    });
    arm();
  });
}
