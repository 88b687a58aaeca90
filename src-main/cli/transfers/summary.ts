import type { TransferItemView, TransfersSnapshot } from '../../contract/views';
import { formatBytes, formatDuration, plural } from '../io/format';
import type { Output } from '../io/output';
import { EXIT, type ExitCode } from '../runtime/exit';

/** How a run of uploads ended, for words, JSON and the exit status. */
export interface RunOutcome {
  snapshot: TransfersSnapshot;
  interrupted: boolean;
  elapsedSeconds: number;
}

const count = (items: TransferItemView[], state: string) =>
  items.filter((i) => i.state === state).length;

function itemJson(item: TransferItemView) {
  return {
    name: item.name,
    location: item.location,
    key: item.key,
    size: item.size,
    state: item.state,
    ...(item.error ? { error: item.error } : {}),
    ...(item.notice ? { notice: item.notice } : {}),
  };
}

/** Prints the outcome (words or the --json document or the last --json-progress line). */
export function printSummary(out: Output, outcome: RunOutcome, jsonProgress: boolean): ExitCode {
  const { items } = outcome.snapshot;
  const failed = items.filter((i) => i.state === 'failed');
  const paused = count(items, 'paused') + count(items, 'conflict');
  const ok = failed.length === 0 && !outcome.interrupted;
  const summary = {
    ok,
    interrupted: outcome.interrupted,
    completed: count(items, 'completed'),
    skipped: count(items, 'skipped'),
    failed: failed.length,
    paused,
    items: items.map(itemJson),
  };
  if (jsonProgress) out.jsonLine({ type: 'summary', ...summary });
  else out.document(summary);

  const completed = items.filter((i) => i.state === 'completed');
  const bytes = completed.reduce((sum, i) => sum + i.size, 0);
  if (completed.length > 0 || items.length === 0) {
    out.line(
      `Uploaded ${plural(completed.length, 'file')} (${formatBytes(bytes)}) in ${formatDuration(outcome.elapsedSeconds)}.`,
    );
  }
  if (summary.skipped > 0)
    out.line(`Skipped ${plural(summary.skipped, 'file')} whose name already exists.`);
  // Each failure was shown as it happened (progress); the summary only counts them.
  if (failed.length > 0) out.note(`${plural(failed.length, 'file')} failed (see above).`);
  if (failed.some((i) => i.error?.code === 'transfer.signInRequired')) {
    out.note('Run `hakobu login`, then `hakobu resume`: uploads continue where they stopped.');
  }
  if (outcome.interrupted) {
    out.note(`Paused ${plural(paused, 'upload')}. Run \`hakobu resume\` to continue.`);
  } else if (paused > 0) {
    out.note(`${plural(paused, 'paused upload')} wait for \`hakobu resume\`.`);
  }
  return ok ? EXIT.ok : EXIT.failure;
}
