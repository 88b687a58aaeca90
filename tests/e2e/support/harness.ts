import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const root = resolve(import.meta.dirname, '../../..');
const READY = /^hakobu web ready (\S+)$/;
const OPEN_EXTERNAL = /^hakobu web open-external (\S+)$/;

export interface HarnessProcess {
  /** The page URL with the per-run token. */
  url: string;
  /** The harness's own user-data folder (config, journal, thumbnail cache). */
  userData: string;
  /** What the harness wrote to stderr so far, for failure messages. */
  output(): string;
  /**
   * The next address the app asks the system browser to open (shell.openExternal, which the
   * harness prints instead), as a test opens it in a second page the way the browser would.
   */
  nextBrowserUrl(): Promise<string>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  /** local-aws's generated app config (la.info.appConfig). */
  configPath: string;
  /** The OS locale the app reports (en-US, ja-JP). */
  locale: string;
  /** What IT's managed file says; without it the harness has none (never this machine's). */
  managedConfig?: unknown;
}

/**
 * Starts `src-main/web-harness/main.ts` as its own process group, as `npm run dev:web` does, and
 * resolves once it prints its ready line. The renderer must already be built (global setup).
 */
export async function startHarness(options: HarnessOptions): Promise<HarnessProcess> {
  const userData = mkdtempSync(join(tmpdir(), 'hakobu-e2e-user-'));
  // Beside the user's config.json, and gone with it; a path that may not exist means "no IT file".
  const managedConfig = join(userData, 'managed', 'config.json');
  if (options.managedConfig !== undefined) {
    mkdirSync(join(userData, 'managed'));
    writeFileSync(managedConfig, JSON.stringify(options.managedConfig));
  }
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src-main/web-harness/main.ts', '--port', '0'],
    {
      cwd: root,
      // Its own process group, so stop() reaches tsx's loader workers and anything they start.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        HAKOBU_CONFIG: options.configPath,
        HAKOBU_USER_DATA: userData,
        HAKOBU_LOCALE: options.locale,
        HAKOBU_MANAGED_CONFIG: managedConfig,
      },
    },
  );
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-20_000);
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    await stopGroup(child, exited);
    rmSync(userData, { recursive: true, force: true });
  };
  const opened = browserUrls(child);
  try {
    const url = await readyUrl(child, exited, () => stderr);
    return { url, userData, output: () => stderr, nextBrowserUrl: opened, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A queue of the browser URLs the harness printed: each call takes the next one, waiting for it. */
function browserUrls(child: ChildProcess): () => Promise<string> {
  const seen: string[] = [];
  const waiters: ((url: string) => void)[] = [];
  if (child.stdout) {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const url = OPEN_EXTERNAL.exec(line.trim())?.[1];
      if (!url) return;
      const waiter = waiters.shift();
      if (waiter) waiter(url);
      else seen.push(url);
    });
  }
  return () => {
    const url = seen.shift();
    return url ? Promise.resolve(url) : new Promise((resolve) => waiters.push(resolve));
  };
}

function readyUrl(child: ChildProcess, exited: Promise<void>, stderr: () => string) {
  return new Promise<string>((resolveUrl, reject) => {
    if (!child.stdout) return reject(new Error('harness has no stdout'));
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const match = READY.exec(line.trim());
      if (match?.[1]) resolveUrl(match[1]);
    });
    void exited.then(() =>
      reject(new Error(`the web harness exited before it was ready:\n${stderr()}`)),
    );
  });
}

/** SIGTERM to the whole group (the harness closes its server and app), SIGKILL if it lingers. */
async function stopGroup(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid ?? 0), signal);
    } catch {
      // The group is already gone.
    }
  };
  signalGroup('SIGTERM');
  const killer = setTimeout(() => signalGroup('SIGKILL'), 5_000);
  await exited;
  clearTimeout(killer);
}
