import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { LocalAwsContext } from './context';
import { createRequestListener } from './app';
import { appLocations } from './s3/access-points/app-locations';
import { startManagedLogin, type ManagedLoginInfo } from './managed-login/server';
import { seededRandom } from './faults/dice';
import { closeAllBuckets, openAllBuckets } from './s3/storage/bucket-storage';
import { defaultSetup } from './setup/default-setup';
import { loadTemplateFile } from './setup/from-template';
import { LocalAwsSetup } from './setup/schema';
import { readJsonIfExists, writeFileAtomic } from './state/atomic-file';
import { bootstrapState } from './state/bootstrap';
import type { LocalAwsState } from './state/model';

export interface StartOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Used only when dataDir holds no state yet; the default setup otherwise. */
  setup?: LocalAwsSetup;
  /** Managed login's port (0 or absent picks a free one). */
  managedLoginPort?: number;
}

/** What local-aws.json says: enough for any client to find and use the stand-in. */
export interface LocalAwsInfo {
  endpoint: string;
  region: string;
  userPoolId: string;
  clientId: string;
  identityPoolId: string;
  bucket: string;
  demoUser: { username: string; password: string } | null;
  /** Path of a ready Hakobu config file pointing the app at this server. */
  appConfig: string;
  /** Managed login (OAuth 2.0) and its company IdP, or null when no pool has a domain. */
  managedLogin: ManagedLoginInfo | null;
}

export interface RunningLocalAws {
  info: LocalAwsInfo;
  context: LocalAwsContext;
  close(): Promise<void>;
}

/** Parses a setup file, with an error that names the file and the offending field. */
export function loadSetupFile(path: string): LocalAwsSetup {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`local-aws: cannot read setup file ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const parsed = LocalAwsSetup.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`local-aws: setup file ${path} is invalid:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

function describe(
  state: LocalAwsState,
  endpoint: string,
  dataDir: string,
): Omit<LocalAwsInfo, 'managedLogin'> {
  const pool = Object.values(state.userPools)[0];
  const identityPool = Object.values(state.identityPools)[0];
  const bucket = Object.keys(state.buckets)[0] ?? '';
  const info: Omit<LocalAwsInfo, 'appConfig' | 'managedLogin'> = {
    endpoint,
    region: state.region,
    userPoolId: pool?.id ?? '',
    clientId: Object.keys(pool?.clients ?? {})[0] ?? '',
    identityPoolId: identityPool?.id ?? '',
    bucket,
    demoUser: state.demoUser ?? null,
  };
  const appConfig = join(dataDir, 'hakobu.config.json');
  const config = {
    region: info.region,
    userPoolId: info.userPoolId,
    clientId: info.clientId,
    identityPoolId: info.identityPoolId,
    authFlow: 'USER_SRP_AUTH',
    endpoints: { cognitoIdp: endpoint, cognitoIdentity: endpoint, s3: endpoint },
    locations: appLocations(state),
  };
  writeFileAtomic(appConfig, `${JSON.stringify(config, null, 2)}\n`);
  return { ...info, appConfig };
}

/** Starts local-aws on 127.0.0.1, restoring state from dataDir or bootstrapping it from the setup. */
export async function startLocalAws(options: StartOptions): Promise<RunningLocalAws> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const statePath = join(dataDir, 'state.json');
  const stored = readJsonIfExists(statePath) as LocalAwsState | undefined;
  const state = stored ?? bootstrapState(options.setup ?? defaultSetup());
  const now = Date.now();
  for (const [key, creds] of Object.entries(state.credentials)) {
    if (creds.expiration < now) delete state.credentials[key];
  }
  const save = () => writeFileAtomic(statePath, JSON.stringify(state));
  save();

  const logPath = join(dataDir, 'requests.log');
  // One descriptor for the server's life, opened at the first line: appendFileSync opened and
  // closed the file per request, two blocking syscalls on the event loop for every PUT.
  let logFd: number | undefined;
  let endpoint = '';
  const context: LocalAwsContext = {
    state,
    save,
    dataDir,
    get endpoint() {
      return endpoint;
    },
    region: state.region,
    now: () => Date.now(),
    log: (event) => {
      logFd ??= openSync(logPath, 'a');
      writeSync(logFd, `${JSON.stringify({ time: new Date().toISOString(), ...event })}\n`);
    },
    random: seededRandom(state.faults.seed),
  };

  // Rebuilds each bucket's key index from disk and sweeps what a crash left half-written.
  openAllBuckets(context);
  const server: Server = createServer(createRequestListener(context));
  // Long uploads through a slow fault-injected link must not be cut by Node's default timeouts.
  server.requestTimeout = 0;
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const managedLogin = await startManagedLogin(context, options.managedLoginPort);
  const info = { ...describe(state, endpoint, dataDir), managedLogin: managedLogin?.info ?? null };
  writeFileAtomic(join(dataDir, 'local-aws.json'), `${JSON.stringify(info, null, 2)}\n`);

  return {
    info,
    context,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      })
        .then(() => managedLogin?.close())
        .then(() => closeAllBuckets(context))
        .finally(() => {
          if (logFd !== undefined) closeSync(logFd);
          logFd = undefined;
        }),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4566' },
      data: { type: 'string', default: '.local-aws-data' },
      setup: { type: 'string' },
      template: { type: 'string' },
      'managed-login-port': { type: 'string', default: '0' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(
      'usage: npm run local-aws -- [--port <n>] [--data <dir>] [--setup <file.json>] [--managed-login-port <n>]',
    );
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0..65535, got ${values.port}`);
  const managedLoginPort = Number(values['managed-login-port']);
  if (!Number.isInteger(managedLoginPort) || managedLoginPort < 0 || managedLoginPort > 65535)
    throw new Error(`--managed-login-port must be 0..65535, got ${values['managed-login-port']}`);
  const running = await startLocalAws({
    dataDir: values.data,
    port,
    managedLoginPort,
    ...(values.setup ? { setup: loadSetupFile(values.setup) } : {}),
    ...(values.template ? { setup: loadTemplateFile(values.template) } : {}),
  });
  console.log(`local-aws ready ${running.info.endpoint}`);
  if (running.info.managedLogin)
    console.log(`local-aws managed login ${running.info.managedLogin.domain}`);
  const stop = () => void running.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
