import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, Agent, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from '../paths';
import { signInDemoUser } from '../sign-in';
import type { LocalAwsInfo } from '../local-aws-process';
import { httpPut, runPutLoop, signedPutSender, type PutLoopOptions } from './put-loop';

export { measureDiskRate } from './disk';
export type { PutLoopOptions } from './put-loop';

/** Where and how to start the stand-in for a ceiling run. */
export interface CeilingOptions extends PutLoopOptions {
  /** A fresh, empty data folder for local-aws. */
  dataDir: string;
  /** Extra node flags for local-aws (e.g. --cpu-prof). */
  nodeArgs?: readonly string[];
  /** The tree whose local-aws to run (another checkout, for before/after); this one by default. */
  root?: string;
}

/**
 * The stand-in's ceiling: MiB/s of signed PutObject requests (payload hash and Content-MD5
 * signed and checked) sent from memory, `concurrency` at a time, to a fresh local-aws.
 */
export async function measureCeiling(options: CeilingOptions): Promise<number> {
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeArgs ?? []),
      '--import',
      'tsx',
      join(options.root ?? REPO_ROOT, 'local-aws/server.ts'),
      '--port',
      '0',
      // Plain http, as ever; a checkout from before local-aws served https knows no such flag.
      ...(existsSync(join(options.root ?? REPO_ROOT, 'local-aws/tls')) ? ['--no-tls'] : []),
      '--data',
      options.dataDir,
    ],
    { cwd: options.root ?? REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  try {
    await ready(child);
    const info = JSON.parse(
      readFileSync(join(options.dataDir, 'local-aws.json'), 'utf8'),
    ) as LocalAwsInfo;
    const session = await signInDemoUser(info);
    try {
      const credentials = await session.awsCredentials();
      const send = signedPutSender({ ...info, prefix: session.identityId, credentials }, agent);
      return await runPutLoop(options, send);
    } finally {
      session.dispose();
    }
  } finally {
    agent.destroy();
    await stop(child);
  }
}

/** The same loop against a bare node:http server that drains each body: the transport's ceiling. */
export async function measureBareHttp(options: PutLoopOptions): Promise<number> {
  const server: Server = createServer((req, res) => {
    req.on('data', () => undefined);
    req.on('end', () => res.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  try {
    return await runPutLoop(options, (i, body) =>
      httpPut(agent, new URL(`/${i}`, url), { 'content-length': String(body.length) }, body),
    );
  } finally {
    agent.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

function ready(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout ?? process.stdin });
    child.once('exit', (code) => reject(new Error(`local-aws exited (${code}) before ready`)));
    lines.on('line', (line) => {
      if (line.startsWith('local-aws ready')) resolve();
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    // SIGINT lets a --cpu-prof child write its profile before it exits.
    child.kill('SIGINT');
  });
}
