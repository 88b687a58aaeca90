import { toUserError, UserFacingError } from '../core/api/dispatch';
import { redactText } from '../core/log/redact';
import { findCommand } from './commands';
import { flag, stringOption } from './commands/command';
import { Output, type TextSink } from './io/output';
import { Prompter, type LineSource } from './io/prompt';
import { locateCommand, parseCommandArgs } from './runtime/argv';
import { createCliContext } from './runtime/context';
import { EXIT, UsageError, type ExitCode } from './runtime/exit';
import { globalHelp } from './runtime/help';
import { HAKOBU_VERSION } from './runtime/version';

/** The process around the CLI, passed in so nothing below reads globals directly. */
export interface CliIo {
  argv: readonly string[];
  stdin: LineSource;
  stdout: TextSink;
  stderr: TextSink & NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

function usageFailure(io: CliIo, error: UsageError): ExitCode {
  const where = error.command ? `hakobu ${error.command}` : 'hakobu';
  io.stderr.write(`${where}: ${error.message}\nRun \`${where} --help\` for usage.\n`);
  return EXIT.usage;
}

function unexpected(out: Output, error: unknown, verbose: boolean): ExitCode {
  if (verbose && error instanceof Error && error.stack) out.note(redactText(error.stack));
  const detail = error instanceof Error ? error.message : String(error);
  out.failure({
    code: 'internal',
    message: `Something went wrong inside Hakobu (${detail}).${verbose ? '' : ' Run again with --verbose for details.'}`,
  });
  return EXIT.failure;
}

/** Runs one `hakobu …` command line and returns its exit status. Never throws. */
export async function runCli(io: CliIo): Promise<ExitCode> {
  const located = locateCommand(io.argv);
  const rest = io.argv.filter((_, i) => i !== located.index);
  let name = located.name;
  // `hakobu help upload` is `hakobu upload --help`.
  if (name === 'help') {
    const topic = locateCommand(rest);
    name = topic.name;
    rest.splice(0, rest.length, ...rest.filter((_, i) => i !== topic.index), '--help');
  }
  const command = name ? findCommand(name) : undefined;
  if (name && !command) return usageFailure(io, new UsageError(`Unknown command "${name}".`));

  let input;
  try {
    input = parseCommandArgs(command, rest);
  } catch (error) {
    if (error instanceof UsageError) return usageFailure(io, error);
    throw error;
  }
  const { values } = input;
  if (flag(values, 'version')) {
    io.stdout.write(`${HAKOBU_VERSION}\n`);
    return EXIT.ok;
  }
  if (!command || flag(values, 'help')) {
    io.stdout.write(`${command ? command.help : globalHelp()}\n`);
    return command || flag(values, 'help') ? EXIT.ok : EXIT.usage;
  }

  const verbose = flag(values, 'verbose');
  const out = new Output(io.stdout, io.stderr, flag(values, 'json'));
  const prompt = new Prompter(io.stdin, io.stderr);
  const configPath = stringOption(values, 'config');
  const { context, dispose } = createCliContext({
    out,
    prompt,
    verbose,
    env: io.env,
    cwd: io.cwd,
    ...(configPath ? { configPath } : {}),
  });
  try {
    return await command.run(context, input);
  } catch (error) {
    if (error instanceof UsageError) return usageFailure(io, error);
    if (error instanceof UserFacingError) {
      out.failure(toUserError(error));
      return EXIT.failure;
    }
    return unexpected(out, error, verbose);
  } finally {
    prompt.close();
    await dispose().catch((error: unknown) => context.log.warn('shutting down failed', error));
  }
}
