import type { ParseArgsOptionsConfig } from 'node:util';
import type { CliContext } from '../runtime/context';
import { UsageError, type ExitCode } from '../runtime/exit';

/** The option values parseArgs returns for a command. */
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** What a command receives after the command line was parsed. */
export interface CommandInput {
  values: OptionValues;
  positionals: string[];
}

/** One `hakobu <name>` command: its options, its --help text, and what it does. */
export interface Command {
  name: string;
  /** One line for `hakobu --help`. */
  summary: string;
  /** The full `hakobu <name> --help` text, usage line first. */
  help: string;
  options: ParseArgsOptionsConfig;
  /** Most positional arguments accepted (Infinity for a list of paths). */
  maxPositionals: number;
  run(ctx: CliContext, input: CommandInput): Promise<ExitCode>;
}

/** A string option's value, or undefined when it was not given. */
export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** True when a boolean flag was given. */
export function flag(values: OptionValues, name: string): boolean {
  return values[name] === true;
}

/** A string option restricted to a few words; anything else is a usage error naming them. */
export function choiceOption<T extends string>(
  values: OptionValues,
  name: string,
  choices: readonly T[],
  command: string,
): T | undefined {
  const value = stringOption(values, name);
  if (value === undefined) return undefined;
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${choices.join(', ')} (not "${value}").`, command);
}
