import type { ConflictChoice, ConflictPrompt } from '../../contract/views';
import type { TransferEngine } from '../../core/transfers';
import { formatBytes, formatDate } from '../io/format';
import { InputEnded, PromptInterrupted } from '../io/prompt';
import type { CliContext } from '../runtime/context';
import type { UploadProgress } from '../progress/upload-progress';

/** A conflict to answer: the engine's prompt, or an item found waiting without one. */
export type ConflictToAnswer = Pick<ConflictPrompt, 'itemId' | 'key' | 'location'> &
  Partial<Pick<ConflictPrompt, 'existing'>>;

const CHOICES: Record<string, ConflictChoice> = { o: 'overwrite', s: 'skip', r: 'rename' };

/** The answer typed at the prompt: o/s/r (or the word), a capital letter meaning "for all". */
export function parseConflictAnswer(
  text: string,
): { choice: ConflictChoice; applyToAll: boolean } | undefined {
  const trimmed = text.trim();
  const first = trimmed.charAt(0);
  const choice = CHOICES[first.toLowerCase()];
  if (!choice) return undefined;
  if (trimmed.length > 1 && !choice.startsWith(trimmed.toLowerCase().replace(/ all$/, ''))) {
    return undefined;
  }
  const applyToAll = first !== first.toLowerCase() || / all$/i.test(trimmed);
  return { choice, applyToAll };
}

/**
 * Answers "this name already exists" when the conflict policy is 'ask'. At a terminal the user
 * is asked (one question at a time, with "for all" answers); without one there is nobody to ask,
 * so the file is skipped and the notice says how to choose instead (--on-conflict).
 */
export class ConflictAnswers {
  private chain: Promise<void> = Promise.resolve();
  private readonly asked = new Set<string>();
  private explained = false;

  constructor(
    private readonly ctx: CliContext,
    private readonly transfers: TransferEngine,
    private readonly progress: UploadProgress,
    /** Called when the user presses Ctrl-C at the question. */
    private readonly onInterrupt: () => void,
  ) {}

  /** Handles one conflict (once per item, however often it is reported). */
  answer(prompt: ConflictToAnswer): void {
    if (this.asked.has(prompt.itemId)) return;
    this.asked.add(prompt.itemId);
    if (!this.ctx.prompt.interactive) {
      this.explainSkip();
      void this.transfers.resolveConflict(prompt.itemId, 'skip');
      return;
    }
    this.chain = this.chain.then(() => this.ask(prompt));
  }

  /** Resolves when no question is waiting for the user. */
  async idle(): Promise<void> {
    let current: Promise<void>;
    do {
      current = this.chain;
      await current;
    } while (current !== this.chain);
  }

  private explainSkip(): void {
    if (this.explained) return;
    this.explained = true;
    this.progress.note(
      'note     Some names already exist. The conflict policy is "ask", but there is no terminal ' +
        'to ask at, so those files are skipped. Use --on-conflict overwrite|rename|skip to choose.',
    );
  }

  private async ask(prompt: ConflictToAnswer): Promise<void> {
    const still = this.transfers.items.get(prompt.itemId);
    if (still?.state !== 'conflict') return; // an earlier "for all" answer settled it
    const existing = prompt.existing
      ? ` (${formatBytes(prompt.existing.size)}, ${formatDate(prompt.existing.lastModified)})`
      : '';
    this.progress.suspend();
    try {
      this.ctx.out.note(`${prompt.key} already exists in ${prompt.location}${existing}.`);
      for (;;) {
        const text = await this.ctx.prompt.ask(
          '[o]verwrite, [s]kip or [r]ename? (capital letter: same for all) ',
        );
        const parsed = parseConflictAnswer(text);
        if (parsed) {
          await this.transfers.resolveConflict(prompt.itemId, parsed.choice, parsed.applyToAll);
          return;
        }
        this.ctx.out.note('Type o, s or r (O, S or R for every remaining conflict).');
      }
    } catch (error) {
      if (error instanceof PromptInterrupted) this.onInterrupt();
      else if (error instanceof InputEnded)
        await this.transfers.resolveConflict(prompt.itemId, 'skip');
      else throw error;
    } finally {
      this.progress.resume();
    }
  }
}
