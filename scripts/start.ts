// `npm start`: Hakobu against local-aws (unless HAKOBU_CONFIG names a real configuration), in the
// desktop window where Electron's binary is installed, otherwise in the browser harness.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** The installed Electron executable, without triggering electron's on-demand download. */
function installedElectron(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return undefined;
    const executable = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(executable) ? executable : undefined;
  } catch {
    return undefined;
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((done) => child.once('exit', (code) => done(code ?? 1)));
}

async function main(): Promise<number> {
  const env = { ...process.env };
  let stop: (() => Promise<void>) | undefined;
  if (!env.HAKOBU_CONFIG) {
    const { startLocalAws } = await import('../local-aws/server');
    const { extraCaCertsFor } = await import('../local-aws/tls');
    const localAws = await startLocalAws({ dataDir: join(root, '.local-aws-data'), port: 0 });
    // The app config points at local-aws's https endpoint, as at AWS: the build, the harness and
    // Electron trust its CA through NODE_EXTRA_CA_CERTS, read when each of them starts.
    env.HAKOBU_CONFIG = localAws.info.appConfig;
    const { caFile, httpsEndpoint } = localAws.info;
    if (caFile) env.NODE_EXTRA_CA_CERTS = extraCaCertsFor(caFile);
    stop = localAws.close;
    const demo = localAws.info.demoUser;
    console.log(`local-aws ready ${httpsEndpoint ?? localAws.info.endpoint}`);
    if (caFile) console.log(`Its CA (for other clients to trust): ${caFile}`);
    if (demo) console.log(`Sign in as ${demo.username} with password ${demo.password}`);
  }
  const electron = installedElectron();
  const build = await run(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], env);
  if (build !== 0) return build;
  let code: number;
  if (electron) {
    code = await run(electron, ['.'], env);
  } else {
    console.log(
      "Electron's binary is not installed on this machine (no download possible here), so Hakobu opens in your browser instead.",
    );
    code = await run(process.execPath, ['--import', 'tsx', 'src-main/web-harness/main.ts'], env);
  }
  await stop?.();
  return code;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
