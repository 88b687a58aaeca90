import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HelperPool, type HelperPoolOptions } from './pool';
import { TEST_HOOKS_ENV, type HelperChannel } from './protocol';
import type { ThumbnailRenderer } from './renderer';

/** Where the helper runs from and how much memory it may use. */
export interface HelperProcessOptions extends HelperPoolOptions {
  /** The helper script; found next to this code (bundled or source) unless given. */
  helperPath?: string;
  /** The helper's JavaScript heap bound, in MiB (--max-old-space-size); default 256. */
  heapMiB?: number;
  /** Enables the helper's test-only inputs; for tests alone. */
  testHooks?: boolean;
}

/** The bundled helper's file name, next to the bundle that starts it. */
export const HELPER_BUNDLE = 'thumbnail-helper.cjs';
const DEFAULT_HEAP_MIB = 256;

/**
 * The helper script. Bundled code finds it beside itself (dist/main) or beside main's bundle
 * (dist/cli); source code (tests, the harness under tsx) runs helper.ts, which Node strips of
 * types itself.
 */
export function findThumbnailHelper(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    join(here, HELPER_BUNDLE),
    join(here, '..', 'main', HELPER_BUNDLE),
    join(here, 'helper.ts'),
  ];
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      `its helper is missing (looked for ${candidates.join(', ')}); build Hakobu again with npm run build`,
    );
  }
  return found;
}

/** The helper's command-line options: its heap bound, and type stripping for a source helper. */
export function helperExecArgv(helperPath: string, heapMiB = DEFAULT_HEAP_MIB): string[] {
  const execArgv = [`--max-old-space-size=${heapMiB}`];
  if (helperPath.endsWith('.ts') && !process.features.typescript) {
    execArgv.push('--experimental-strip-types');
  }
  return execArgv;
}

/** The helper's environment: the app's, with the test hooks set only when asked for. */
export function helperEnv(testHooks = false): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env[TEST_HOOKS_ENV];
  if (testHooks) env[TEST_HOOKS_ENV] = '1';
  return env;
}

/** Words for the log about how a helper ended, with the last of what it wrote to stderr. */
export function describeExit(code: number | null, signal: string | null, stderr = ''): string {
  const how = signal ? `killed by ${signal}` : `exited with code ${code ?? 'unknown'}`;
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  // V8's "FATAL ERROR: Reached heap limit" says more than the stack trace printed after it.
  const telling = lines.find((line) => /fatal|error/i.test(line)) ?? lines.at(-1);
  return telling ? `${how}: ${telling.slice(0, 300)}` : how;
}

function setRef(child: ChildProcess, busy: boolean): void {
  const handles = [
    child,
    child.channel,
    child.stderr as unknown as { ref?(): void; unref?(): void },
  ];
  for (const handle of handles) {
    if (busy) handle?.ref?.();
    else handle?.unref?.();
  }
}

/** Starts one helper as a Node child process, talking over its IPC channel. */
export function forkHelper(options: HelperProcessOptions = {}): HelperChannel {
  const path = options.helperPath ?? findThumbnailHelper();
  const child = fork(path, [], {
    execArgv: helperExecArgv(path, options.heapMiB),
    env: helperEnv(options.testHooks),
    // Structured clone, so image bytes cross as bytes rather than as JSON arrays.
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    stderr = (stderr + text).slice(-4000);
  });
  // A send racing the helper's death reports here; the exit that follows fails the job.
  child.on('error', () => undefined);
  return {
    send: (request) => {
      if (child.connected) child.send(request);
    },
    kill: () => void child.kill('SIGKILL'),
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) =>
      void child.once('close', (code, signal) => listener(describeExit(code, signal, stderr))),
    setBusy: (busy) => setRef(child, busy),
  };
}

/** The ThumbnailRenderer of the CLI, the web harness and tests: helpers are Node child processes. */
export function createForkedThumbnailRenderer(
  options: HelperProcessOptions = {},
): ThumbnailRenderer {
  return new HelperPool(() => forkHelper(options), options);
}
