import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { REPO_ROOT } from './paths';

/** The fields of local-aws.json the benchmark uses. */
const LocalAwsInfo = z.object({
  endpoint: z.string().url(),
  region: z.string(),
  bucket: z.string().min(1),
  demoUser: z.object({ username: z.string(), password: z.string() }),
  appConfig: z.string(),
});
export type LocalAwsInfo = z.infer<typeof LocalAwsInfo>;

/** The stand-in running as a child process, so its CPU and memory are not the engine's. */
export interface LocalAwsProcess {
  info: LocalAwsInfo;
  /** Merges fault settings (e.g. latencyMs) through the admin endpoint. */
  setFaults(patch: { latencyMs?: number; defaultChecksums?: 'crc64nvme' | 'none' }): Promise<void>;
  stop(): Promise<void>;
}

const READY = /^local-aws ready (\S+)/;

/** Starts `local-aws/server.ts` on a free port with `dataDir`, and waits until it serves. */
export async function startLocalAwsProcess(dataDir: string): Promise<LocalAwsProcess> {
  const child = spawn(
    process.execPath,
    // Plain http, as the published figures were measured: TLS would add its cost to every contender.
    [
      '--import',
      'tsx',
      join(REPO_ROOT, 'local-aws/server.ts'),
      '--port',
      '0',
      '--no-tls',
      '--data',
      dataDir,
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await waitForReady(child);
  const info = LocalAwsInfo.parse(
    JSON.parse(readFileSync(join(dataDir, 'local-aws.json'), 'utf8')),
  );
  const running: LocalAwsProcess = {
    info,
    async setFaults(patch) {
      const res = await fetch(`${info.endpoint}/_local-aws/faults`, {
        method: 'PUT',
        body: JSON.stringify(patch),
      });
      if (!res.ok)
        throw new Error(`local-aws refused faults ${JSON.stringify(patch)}: ${res.status}`);
    },
    stop: () => stopChild(child),
  };
  // S3 computes its default CRC64NVME for checksum-less uploads on its own servers; here the
  // stand-in would do it in JavaScript on the clients' two cores, billing every contender that
  // sends no checksum (the AWS CLI, rclone) for work real S3 never puts on their time.
  await running.setFaults({ defaultChecksums: 'none' });
  return running;
}

function waitForReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout ?? process.stdin });
    const onExit = (code: number | null) =>
      reject(new Error(`local-aws exited (code ${code}) before it was ready`));
    child.once('exit', onExit);
    child.once('error', reject);
    lines.on('line', (line) => {
      if (!READY.test(line)) return;
      child.off('exit', onExit);
      resolve();
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
