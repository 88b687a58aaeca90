import { COMMANDS } from '../commands';

/** `hakobu --help`: what the tool is, its commands and the options they share. */
export function globalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const list = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `Usage: hakobu <command> [options]

Uploads files to Amazon S3 behind Amazon Cognito, resumably, from the command line.

Commands:
${list}

Options for every command:
  --config FILE   the configuration file (default: $HAKOBU_CONFIG, then your config.json)
  --json          machine-readable output: one JSON document on stdout
  --verbose, -v   the log (redacted) on stderr, and stack traces of unexpected errors
  --help, -h      help for a command: hakobu <command> --help
  --version       the version

Exit status: 0 success, 1 failure (a file failed, login needed, …), 2 wrong usage.`;
}
