import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestLocalAws } from '../helpers/local-aws';
import { demoUser } from '../helpers/sign-in';
import { journalRecordsOnDisk } from '../core/transfers/journal-files';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = join(REPO, 'src-main/cli/hakobu.ts');
const TSX = import.meta.resolve('tsx');

/** One user's machine for the CLI: a private HOME and config folder, the stand-in's config. */
export interface CliMachine {
  home: string;
  /** Hakobu's per-user folder (config.json, journal, identity cache). */
  userData: string;
  env: NodeJS.ProcessEnv;
}

/** How a `hakobu` process ended, with everything it printed. */
export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** How to run a `hakobu` process. */
export interface RunOptions {
  /** Written to stdin, which is then closed (a prompt beyond it fails instead of waiting). */
  input?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** A command to run the CLI under, e.g. setpriv to drop root's file-permission override. */
  wrap?: string[];
  /** Run inside a pseudo-terminal (see inTerminal). */
  terminal?: boolean;
}

/** Transfer settings the user saved (config.json in the user folder). */
export type TransferSettings = Partial<{
  concurrency: number;
  partConcurrency: number;
  partSizeMiB: number;
  conflictPolicy: 'ask' | 'overwrite' | 'skip' | 'rename';
}>;

/** A fresh machine: temp HOME and XDG_CONFIG_HOME, HAKOBU_CONFIG = the stand-in's app config. */
export function newMachine(la: TestLocalAws, transfers: TransferSettings = {}): CliMachine {
  const home = mkdtempSync(join(tmpdir(), 'hakobu-cli-home-'));
  const configHome = join(home, '.config');
  const userData = join(configHome, 'Hakobu');
  mkdirSync(userData, { recursive: true });
  if (Object.keys(transfers).length > 0) {
    writeFileSync(join(userData, 'config.json'), JSON.stringify({ transfers }));
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: configHome,
    HAKOBU_CONFIG: la.info.appConfig,
    // Keep whatever /etc/hakobu/config.json this machine may have out of the tests.
    HAKOBU_MANAGED_CONFIG: join(home, 'no-managed-config.json'),
  };
  return { home, userData, env };
}

/** A running `hakobu` child: its output so far, and its result when it ends. */
export interface RunningCli {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Writes a line to its stdin (an answer to a prompt). */
  answer(line: string): void;
  result: Promise<CliResult>;
}

const shellQuote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/**
 * Runs a command inside a pseudo-terminal (util-linux `script`), so the CLI sees a TTY as when a
 * person types: hidden passwords, prompts, the progress bar. What is written to stdin arrives as
 * keystrokes (end a line with "\r"); stdout and stderr both arrive on stdout.
 */
export const inTerminal = (command: string[]) => [
  'script',
  '--quiet',
  '--return',
  '--command',
  command.map(shellQuote).join(' '),
  '/dev/null',
];

/** Starts `hakobu <args>` as a user would run it (node + tsx on the source entry). */
export function startCli(
  machine: CliMachine,
  args: string[],
  options: RunOptions = {},
): RunningCli {
  const hakobu = [process.execPath, '--import', TSX, ENTRY, ...args];
  const command = options.terminal ? inTerminal(hakobu) : [...(options.wrap ?? []), ...hakobu];
  const child = spawn(command[0] ?? '', command.slice(1), {
    cwd: options.cwd ?? machine.home,
    env: { ...machine.env, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  if (options.input !== undefined) child.stdin?.end(options.input);
  const result = new Promise<CliResult>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    answer: (line) => child.stdin?.write(`${line}\n`),
    result,
  };
}

/** Runs `hakobu <args>` to the end; stdin gets `input` (or nothing) and is closed. */
export function runCli(
  machine: CliMachine,
  args: string[],
  options: RunOptions = {},
): Promise<CliResult> {
  return startCli(machine, args, { input: '', ...options }).result;
}

/** Logs the stand-in's demo user in with --password-stdin; fails the test if that fails. */
export async function loginDemo(machine: CliMachine, la: TestLocalAws): Promise<void> {
  const demo = demoUser(la);
  const result = await runCli(machine, ['login', '--username', demo.username, '--password-stdin'], {
    input: `${demo.password}\n`,
  });
  if (result.code !== 0) throw new Error(`login failed (${result.code}): ${result.stderr}`);
}

/**
 * Waits until `condition` holds, checking every 100 ms. The limit only keeps a broken build
 * from hanging the suite; tests never depend on how long anything takes.
 */
export async function waitFor(condition: () => boolean, what: string, limitMs = 240_000) {
  const end = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The fields of a journal record the tests look at. */
export interface JournalEntry {
  state: string;
  key: string;
  upload?: { uploadId: string; parts: { partNumber: number }[] };
}

/** The upload journal's records on this machine (what `hakobu resume` would continue). */
export function journalRecords(machine: CliMachine): JournalEntry[] {
  const root = join(machine.userData, 'transfers');
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap(
    (identity) => journalRecordsOnDisk(join(root, identity)) as JournalEntry[],
  );
}
