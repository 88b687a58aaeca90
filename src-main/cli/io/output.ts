import type { UserError } from '../../contract/views';
import { redactText } from '../../core/log/redact';

/** The writable side of a terminal or pipe, as much of it as the CLI uses. */
export interface TextSink {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/**
 * Where a command's words go. Results go to stdout: lines for people, or with --json exactly one
 * JSON document (or JSON lines with --json-progress). Prompts, progress bars and errors go to
 * stderr, so stdout stays parseable whatever happens.
 */
export class Output {
  constructor(
    readonly stdout: TextSink,
    readonly stderr: TextSink,
    /** --json: stdout carries only JSON. */
    readonly json: boolean,
  ) {}

  /** A line of the human result (dropped with --json, whose document says the same). */
  line(text = ''): void {
    if (!this.json) this.stdout.write(`${text}\n`);
  }

  /** A note for whoever watches (stderr, also with --json): progress, hints, notices. */
  note(text: string): void {
    this.stderr.write(`${text}\n`);
  }

  /** The one JSON document of a --json run. */
  document(value: unknown): void {
    if (this.json) this.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  /** One JSON line (--json-progress). */
  jsonLine(value: unknown): void {
    this.stdout.write(`${JSON.stringify(value)}\n`);
  }

  /**
   * A failure, as one actionable line on stderr; with --json also as the document on stdout.
   * Messages pass through the redactor: an error may quote a URL or a token.
   */
  failure(error: UserError): void {
    const message = redactText(error.message);
    this.stderr.write(`hakobu: ${message}\n`);
    this.document({ ok: false, error: { ...error, message } });
  }

  /** True when stderr is a terminal we may redraw (progress bars, hidden prompts). */
  get interactiveErr(): boolean {
    return this.stderr.isTTY === true;
  }
}
