import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { startTreeRssSampler } from './tree-rss';

/** A command to run as a contender, with everything it is given. */
export interface Invocation {
  command: string;
  args: string[];
  /** The whole environment: nothing of the bench's own is inherited. */
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Written to stdin, which is then closed. */
  input?: string;
}

/** How a measured process ended. */
export interface MeasuredExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  wallSeconds: number;
  peakRssBytes: number | undefined;
  /** The last lines of its output (uploaders print a line per file: only the end is kept). */
  stdoutTail: string;
  stderrTail: string;
  /** performance.now() of the first output matching each watch pattern, relative to the spawn. */
  marks: Record<string, number>;
}

const TAIL_CHARS = 16_000;
const keepTail = (text: string) => (text.length > TAIL_CHARS ? text.slice(-TAIL_CHARS) : text);

/**
 * Runs `invocation` in a process group of its own, timing it from spawn to exit and sampling the
 * peak RSS of its whole process tree. `watch` names patterns whose first appearance on stdout or
 * stderr is time-stamped (seconds after the spawn). After `timeoutMs` the group is killed.
 */
export function runMeasured(
  invocation: Invocation,
  options: {
    timeoutMs: number;
    watch?: Record<string, { stream: 'stdout' | 'stderr'; pattern: RegExp }>;
  },
): Promise<MeasuredExit> {
  const started = performance.now();
  const child = spawn(invocation.command, invocation.args, {
    cwd: invocation.cwd,
    env: invocation.env,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  const sampler = child.pid === undefined ? undefined : startTreeRssSampler(child.pid);
  const output = { stdout: '', stderr: '' };
  const marks: Record<string, number> = {};
  const watch = Object.entries(options.watch ?? {});
  for (const stream of ['stdout', 'stderr'] as const) {
    child[stream].setEncoding('utf8');
    child[stream].on('data', (chunk: string) => {
      const at = (performance.now() - started) / 1000;
      // Patterns are matched against the recent output, so one split across two chunks counts.
      const recent = output[stream].slice(-200) + chunk;
      output[stream] = keepTail(output[stream] + chunk);
      for (const [name, w] of watch) {
        if (w.stream === stream && marks[name] === undefined && w.pattern.test(recent))
          marks[name] = at;
      }
    });
  }
  child.stdin.on('error', () => {}); // a contender that exits early closes its stdin under us
  child.stdin.end(invocation.input ?? '');
  let timedOut = false;
  let exitedAt: number | undefined;
  child.once('exit', () => (exitedAt = performance.now()));
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  }, options.timeoutMs);
  return new Promise((resolve, reject) => {
    child.once('error', (error) => {
      clearTimeout(timer);
      sampler?.stop();
      reject(
        new Error(`could not start ${invocation.command}: ${error.message}`, { cause: error }),
      );
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code,
        signal,
        timedOut,
        wallSeconds: ((exitedAt ?? performance.now()) - started) / 1000,
        peakRssBytes: sampler?.stop(),
        stdoutTail: output.stdout,
        stderrTail: output.stderr,
        marks,
      });
    });
  });
}
