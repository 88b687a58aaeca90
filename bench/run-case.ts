import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { REPO_ROOT } from './paths';
import { RESULT_MARKER, WorkerOutput, type WorkerInput } from './worker/protocol';

/**
 * Runs one case in a fresh worker process (with --expose-gc, so repetitions start from a settled
 * heap) and returns its validated result. The worker's stderr goes straight to ours.
 */
export async function runCase(input: WorkerInput): Promise<WorkerOutput> {
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(REPO_ROOT, 'bench/worker/case-worker.ts')],
    { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve(code));
  });
  child.stdin.end(JSON.stringify(input));
  const stdout = await text(child.stdout);
  const code = await exited;
  const line = stdout.split('\n').find((l) => l.startsWith(RESULT_MARKER));
  if (code !== 0 || !line) {
    throw new Error(`benchmark case ${input.benchCase.id} failed (worker exit code ${code})`);
  }
  return WorkerOutput.parse(JSON.parse(line.slice(RESULT_MARKER.length)));
}
