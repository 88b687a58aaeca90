import { redactValue } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Where redacted log records go: electron-log in the app, stderr in the CLI, an array in tests. */
export type LogSink = (level: LogLevel, message: string, data: readonly unknown[]) => void;

export interface Logger {
  debug(message: string, ...data: unknown[]): void;
  info(message: string, ...data: unknown[]): void;
  warn(message: string, ...data: unknown[]): void;
  error(message: string, ...data: unknown[]): void;
  /** A logger whose messages are prefixed with a scope, e.g. "transfers". */
  child(scope: string): Logger;
}

/** Creates a logger that redacts every message and value before handing it to the sink. */
export function createLogger(sink: LogSink, scope?: string): Logger {
  const emit =
    (level: LogLevel) =>
    (message: string, ...data: unknown[]) => {
      const text = redactValue(scope ? `[${scope}] ${message}` : message) as string;
      sink(
        level,
        text,
        data.map((d) => redactValue(d)),
      );
    };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    child: (child) => createLogger(sink, scope ? `${scope}:${child}` : child),
  };
}

const discard = (): void => {};

/**
 * A logger that discards everything (the default where no sink is wired). It never redacts:
 * nothing leaves it, and redacting every SDK debug line cost an upload CPU per request.
 */
export const silentLogger: Logger = {
  debug: discard,
  info: discard,
  warn: discard,
  error: discard,
  child: () => silentLogger,
};
