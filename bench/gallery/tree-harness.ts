// The web harness of one source tree: this checkout, or another (an export of the commit to
// compare with), so "before" and "after" can be measured side by side in one run.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const READY = /^hakobu web ready (\S+)$/;

/** A running harness: its page URL (with the per-run secret) and how to stop it. */
export interface TreeHarness {
  url: string;
  stop(): Promise<void>;
}

/** Builds the renderer of the tree at `root` into its own dist/renderer. */
export function buildRenderer(root: string): void {
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/**
 * Starts `src-main/web-harness/main.ts` of the tree at `root` (its own process group, a fresh
 * user-data folder so the thumbnail cache starts cold) and resolves with its URL once ready.
 */
export async function startTreeHarness(root: string, configPath: string): Promise<TreeHarness> {
  const userData = mkdtempSync(join(tmpdir(), 'hakobu-bench-user-'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src-main/web-harness/main.ts', '--port', '0'],
    {
      cwd: resolve(root),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        HAKOBU_CONFIG: configPath,
        HAKOBU_USER_DATA: userData,
        HAKOBU_LOCALE: 'en-US',
      },
    },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-10_000);
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      const signalGroup = (signal: NodeJS.Signals) => {
        try {
          process.kill(-(child.pid ?? 0), signal);
        } catch {
          // Already gone.
        }
      };
      signalGroup('SIGTERM');
      const killer = setTimeout(() => signalGroup('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
    }
    rmSync(userData, { recursive: true, force: true });
  };
  const url = await new Promise<string>((found, fail) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = READY.exec(line.trim());
      if (match?.[1]) found(match[1]);
    });
    void exited.then(() => fail(new Error(`the harness in ${root} exited:\n${stderr}`)));
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { url, stop };
}
