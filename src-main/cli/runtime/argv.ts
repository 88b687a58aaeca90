import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import type { Command, CommandInput } from '../commands/command';
import { UsageError } from './exit';

/** Options every command accepts, before or after the command name. */
export const GLOBAL_OPTIONS = {
  config: { type: 'string' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const satisfies ParseArgsOptionsConfig;

const TAKES_VALUE = new Set(['--config']);

/** The command name and where it stands: the first argument that is neither an option nor its value. */
export function locateCommand(argv: readonly string[]): { name?: string; index: number } {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') return { index: -1 };
    if (TAKES_VALUE.has(arg)) {
      i++;
      continue;
    }
    if (!arg.startsWith('-')) return { name: arg, index: i };
  }
  return { index: -1 };
}

/** Parses one command's arguments (its options plus the global ones); mistakes are usage errors. */
export function parseCommandArgs(
  command: Command | undefined,
  argv: readonly string[],
): CommandInput {
  const options: ParseArgsOptionsConfig = { ...GLOBAL_OPTIONS, ...command?.options };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), command?.name);
  }
  const positionals = parsed.positionals;
  if (command && positionals.length > command.maxPositionals) {
    const extra = positionals.slice(command.maxPositionals).join(' ');
    throw new UsageError(`Unexpected argument: ${extra}`, command.name);
  }
  return { values: parsed.values, positionals };
}
