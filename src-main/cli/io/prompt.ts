import { createInterface, type Interface } from 'node:readline';
import { Writable } from 'node:stream';

/** The readable side of a terminal or pipe, as much of it as prompting uses. */
export type LineSource = NodeJS.ReadableStream & { isTTY?: boolean };

/** The input ended (a script piped fewer answers than Hakobu asked for). */
export class InputEnded extends Error {
  constructor(readonly question: string) {
    super(`input ended before an answer to "${question.trim()}"`);
    this.name = 'InputEnded';
  }
}

/** The user pressed Ctrl-C while a question waited on the terminal. */
export class PromptInterrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'PromptInterrupted';
  }
}

interface Waiter {
  question: string;
  resolve(line: string): void;
  reject(error: Error): void;
}

/**
 * Asks questions on stderr and reads answers from stdin: on a terminal with line editing (and no
 * echo for secrets), from a pipe one line per question, so scripts can answer every prompt.
 */
export class Prompter {
  // A pipe is read through one interface for the whole run: readline reads ahead, so closing it
  // between questions would drop lines a script already sent.
  private piped: Interface | undefined;
  private readonly lines: string[] = [];
  private waiter: Waiter | undefined;
  private ended = false;

  constructor(
    private readonly input: LineSource,
    private readonly output: NodeJS.WritableStream,
  ) {}

  /** True when a person can answer: both stdin and stderr are terminals. */
  get interactive(): boolean {
    return this.input.isTTY === true && (this.output as { isTTY?: boolean }).isTTY === true;
  }

  /** Asks one question; `hidden` keeps the answer off the screen (passwords). */
  ask(question: string, options: { hidden?: boolean } = {}): Promise<string> {
    return this.input.isTTY
      ? this.askTerminal(question, options.hidden === true)
      : this.askPipe(question);
  }

  /** Releases stdin so the process can exit. */
  close(): void {
    this.piped?.close();
    this.piped = undefined;
  }

  // A terminal gets a fresh interface per question: an open one keeps the terminal in raw mode,
  // and Ctrl-C would then stop being a signal while uploads run.
  private askTerminal(question: string, hidden: boolean): Promise<string> {
    let muted = false;
    const screen = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        if (!muted) this.output.write(chunk);
        done();
      },
    });
    const rl = createInterface({
      input: this.input,
      output: screen,
      terminal: true,
      historySize: 0,
    });
    return new Promise<string>((resolve, reject) => {
      let settled = false;
      const finish = (error: Error | undefined, answer = '') => {
        if (settled) return;
        settled = true;
        muted = false;
        if (hidden || error) this.output.write('\n');
        rl.close();
        if (error) reject(error);
        else resolve(answer);
      };
      rl.on('line', (line) => finish(undefined, line));
      rl.on('SIGINT', () => finish(new PromptInterrupted()));
      rl.on('close', () => finish(new InputEnded(question)));
      rl.setPrompt(question);
      rl.prompt();
      muted = hidden;
    });
  }

  private askPipe(question: string): Promise<string> {
    this.output.write(question.endsWith('\n') ? question : `${question}\n`);
    const queued = this.lines.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (this.ended) return Promise.reject(new InputEnded(question));
    this.openPipe();
    return new Promise<string>((resolve, reject) => {
      this.waiter = { question, resolve, reject };
    });
  }

  private openPipe(): void {
    if (this.piped) return;
    const rl = createInterface({ input: this.input, terminal: false });
    rl.on('line', (line) => {
      const waiter = this.waiter;
      this.waiter = undefined;
      if (waiter) waiter.resolve(line);
      else this.lines.push(line);
    });
    rl.on('close', () => {
      this.ended = true;
      const waiter = this.waiter;
      this.waiter = undefined;
      waiter?.reject(new InputEnded(waiter.question));
    });
    this.piped = rl;
  }
}
