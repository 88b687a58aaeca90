import type {
  TransferItemView,
  TransfersDelta,
  TransfersSnapshot,
  TransfersTotal,
} from '../../contract/views';
import { formatBytes } from '../io/format';
import type { Output } from '../io/output';
import { progressLine } from './bar';

const REDRAW_MS = 100;
const JSON_PROGRESS_MS = 1000;
const FINISHED = new Set(['completed', 'skipped', 'failed', 'cancelled']);
/** Skipped and cancelled files do not count toward "n files" (nor the total size). */
const counts = (state: string | undefined) =>
  state !== undefined && state !== 'skipped' && state !== 'cancelled';

/** How much the progress display says, and in which form. */
export interface UploadProgressOptions {
  /** A line per file as it starts and finishes, even on a terminal. */
  verbose: boolean;
  /** JSON lines on stdout instead of words. */
  jsonProgress: boolean;
}

/**
 * Shows uploads as they go: a redrawn bar on a terminal (stderr), a line per finished file when
 * not on a terminal or with --verbose, JSON lines with --json-progress. Failures and notices are
 * always shown, each once.
 */
export class UploadProgress {
  private readonly states = new Map<string, string>();
  private readonly noticed = new Set<string>();
  /** How many known items count toward the bar's "n files", kept as states change. */
  private counted = 0;
  private total: TransfersTotal | undefined;
  private lastDraw = 0;
  private lastJson = 0;
  private barShown = false;
  private suspended = false;

  constructor(
    private readonly out: Output,
    private readonly options: UploadProgressOptions,
  ) {}

  private get drawsBar(): boolean {
    return this.out.interactiveErr && !this.options.jsonProgress && !this.out.json;
  }

  private get fileLines(): boolean {
    return (
      !this.out.json &&
      !this.options.jsonProgress &&
      (this.options.verbose || !this.out.interactiveErr)
    );
  }

  /** Takes a whole snapshot (the start): reports transitions, then redraws (throttled). */
  reset(snapshot: TransfersSnapshot): void {
    this.apply(snapshot.items, [], snapshot.total);
  }

  /**
   * Takes a 'transfers.changed' delta: only its items are looked at, so a tick costs O(changed)
   * even with 10,000 files queued. A missed delta costs nothing lasting: every item is sent
   * again whole when it next changes, and each delta carries the totals.
   */
  update(delta: TransfersDelta): void {
    this.apply(delta.upserts, delta.removed, delta.total);
  }

  private apply(
    items: readonly TransferItemView[],
    removed: readonly string[],
    total: TransfersTotal,
  ) {
    this.total = total;
    for (const item of items) this.transition(item);
    for (const id of removed) {
      if (counts(this.states.get(id))) this.counted--;
      this.states.delete(id);
      this.noticed.delete(id);
    }
    const now = Date.now();
    if (this.options.jsonProgress && now - this.lastJson >= JSON_PROGRESS_MS) {
      this.lastJson = now;
      this.out.jsonLine({ type: 'progress', total });
    }
    if (this.drawsBar && !this.suspended && now - this.lastDraw >= REDRAW_MS) this.draw();
  }

  /** Clears the bar so a prompt can use the line. */
  suspend(): void {
    this.suspended = true;
    this.clear();
  }

  /** Shows the bar again after a prompt. */
  resume(): void {
    this.suspended = false;
    if (this.drawsBar) this.draw();
  }

  /** Prints a message above the bar. */
  note(text: string): void {
    this.clear();
    this.out.note(text);
    if (this.drawsBar && !this.suspended) this.draw();
  }

  /** Removes the bar for good. */
  finish(): void {
    this.suspended = true;
    this.clear();
  }

  private transition(item: TransferItemView): void {
    const before = this.states.get(item.id);
    if (item.notice && !this.noticed.has(item.id)) {
      this.noticed.add(item.id);
      this.above(`note     ${item.name}: ${item.notice.message}`, true);
    }
    if (before === item.state) return;
    this.counted += Number(counts(item.state)) - Number(counts(before));
    this.states.set(item.id, item.state);
    if (this.options.jsonProgress && FINISHED.has(item.state)) {
      this.out.jsonLine({ type: 'item', ...item });
    }
    if (item.state === 'failed') {
      this.above(`failed   ${item.name}: ${item.error?.message ?? 'the upload failed.'}`, true);
      return;
    }
    if (!this.fileLines) return;
    if (item.state === 'uploading' && this.options.verbose && before !== 'uploading') {
      this.above(`started  ${item.key} (${formatBytes(item.size)})`);
    } else if (item.state === 'completed') {
      this.above(`uploaded ${item.key} (${formatBytes(item.size)})`);
    } else if (item.state === 'skipped') {
      this.above(`skipped  ${item.key} (it already exists)`);
    } else if (item.state === 'cancelled') {
      this.above(`cancelled ${item.key}`);
    }
  }

  private above(text: string, important = false): void {
    if (this.options.jsonProgress) return;
    this.clear();
    if (important) this.out.note(text);
    else this.out.line(text);
  }

  private draw(): void {
    if (!this.total || this.states.size === 0) return;
    this.lastDraw = Date.now();
    const columns = this.out.stderr.columns || 80;
    this.out.stderr.write(`\r\x1b[2K${progressLine(this.total, this.counted, columns)}`);
    this.barShown = true;
  }

  private clear(): void {
    if (!this.barShown) return;
    this.out.stderr.write('\r\x1b[2K');
    this.barShown = false;
  }
}
