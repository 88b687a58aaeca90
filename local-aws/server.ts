import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { LocalAwsContext } from './context';
import { createRequestListener } from './app';
import { appLocations } from './s3/access-points/app-locations';
import { startManagedLogin, type ManagedLoginInfo } from './managed-login/server';
import { closeServer, startListeners, type Endpoints } from './http/listeners';
import { seededRandom } from './faults/dice';
import { closeAllBuckets, openAllBuckets } from './s3/storage/bucket-storage';
import { defaultSetup } from './setup/default-setup';
import { loadTemplateFile } from './setup/from-template';
import { LocalAwsSetup } from './setup/schema';
import { readJsonIfExists, writeFileAtomic } from './state/atomic-file';
import { bootstrapState } from './state/bootstrap';
import type { LocalAwsState } from './state/model';
import { prepareTls } from './tls';

export interface StartOptions {
  dataDir: string;
  /** The plain http port; 0 picks a free port. */
  port?: number;
  /** The https port, served beside http unless `tls` is false; 0 (the default) picks a free port. */
  httpsPort?: number;
  /** false serves plain http only, and tokens name an http issuer. */
  tls?: boolean;
  /** A folder whose CA to use (made there if missing) instead of `<data>/tls/ca`; see tls/index.ts. */
  caDir?: string;
  /**
   * Whom tokens name as issuer: this stand-in's origin (the default: its OpenID configuration is
   * where the issuer says), or AWS's cognito-idp host, which verifiers pinned to it require.
   */
  tokenIssuer?: 'endpoint' | 'aws';
  /** Used only when dataDir holds no state yet; the default setup otherwise. */
  setup?: LocalAwsSetup;
  /** Managed login's port (0 or absent picks a free one). */
  managedLoginPort?: number;
}

/** What local-aws.json says: enough for any client to find and use the stand-in. */
export interface LocalAwsInfo {
  /** Plain http, for clients that cannot be given a CA; every service answers on it too. */
  endpoint: string;
  /** https on 127.0.0.1, the issuer's origin; null when started without TLS. */
  httpsEndpoint: string | null;
  /** The CA certificate (PEM) that signs httpsEndpoint's certificate: the file clients must trust. */
  caFile: string | null;
  region: string;
  userPoolId: string;
  clientId: string;
  identityPoolId: string;
  bucket: string;
  demoUser: { username: string; password: string } | null;
  /** Path of a ready Hakobu config file pointing the app at this server (https when TLS is on). */
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
  endpoints: Endpoints,
  dataDir: string,
): Omit<LocalAwsInfo, 'managedLogin'> {
  const pool = Object.values(state.userPools)[0];
  const identityPool = Object.values(state.identityPools)[0];
  const bucket = Object.keys(state.buckets)[0] ?? '';
  // The app is pointed at https, as at AWS; the process running it must trust caFile.
  const endpoint = endpoints.https ?? endpoints.http;
  const info: Omit<LocalAwsInfo, 'appConfig' | 'managedLogin'> = {
    endpoint: endpoints.http,
    httpsEndpoint: endpoints.https,
    caFile: endpoints.caFile,
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
    awsIssuer: options.tokenIssuer === 'aws',
    now: () => Date.now(),
    log: (event) => {
      logFd ??= openSync(logPath, 'a');
      writeSync(logFd, `${JSON.stringify({ time: new Date().toISOString(), ...event })}\n`);
    },
    random: seededRandom(state.faults.seed),
  };

  const tls = options.tls === false ? undefined : await prepareTls(dataDir, options.caDir);
  // Rebuilds each bucket's key index from disk and sweeps what a crash left half-written.
  openAllBuckets(context);
  const { servers, endpoints } = await startListeners(createRequestListener(context), {
    httpPort: options.port ?? 0,
    httpsPort: options.httpsPort ?? 0,
    tls,
  });
  // Tokens name the https origin as their issuer when there is one, as Cognito's are https.
  endpoint = endpoints.https ?? endpoints.http;
  const managedLogin = await startManagedLogin(context, options.managedLoginPort);
  const info = { ...describe(state, endpoints, dataDir), managedLogin: managedLogin?.info ?? null };
  writeFileAtomic(join(dataDir, 'local-aws.json'), `${JSON.stringify(info, null, 2)}\n`);

  return {
    info,
    context,
    close: () =>
      Promise.all(servers.map(closeServer))
        .then(() => managedLogin?.close())
        .then(() => closeAllBuckets(context))
        .finally(() => {
          if (logFd !== undefined) closeSync(logFd);
          logFd = undefined;
        }),
  };
}

function portOption(flag: string, value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`${flag} must be 0..65535, got ${value}`);
  return port;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4566' },
      'https-port': { type: 'string' },
      tls: { type: 'boolean', default: true },
      'ca-dir': { type: 'string' },
      'token-issuer': { type: 'string', default: 'endpoint' },
      data: { type: 'string', default: '.local-aws-data' },
      setup: { type: 'string' },
      template: { type: 'string' },
      'managed-login-port': { type: 'string', default: '0' },
      help: { type: 'boolean', default: false },
    },
    allowNegative: true,
  });
  if (values.help) {
    console.log(
      'usage: npm run local-aws -- [--port <n>] [--https-port <n>] [--no-tls] [--ca-dir <dir>] [--token-issuer endpoint|aws] [--data <dir>] [--setup <file.json> | --template <template.json>] [--managed-login-port <n>]',
    );
    return;
  }
  const tokenIssuer = values['token-issuer'];
  if (tokenIssuer !== 'endpoint' && tokenIssuer !== 'aws')
    throw new Error(`--token-issuer must be endpoint or aws, got ${tokenIssuer}`);
  const port = portOption('--port', values.port);
  // Beside a fixed http port the https one is fixed too (4566 and 4567); beside a free one, free.
  const httpsPort = portOption('--https-port', values['https-port'] ?? String(port && port + 1));
  const managedLoginPort = portOption('--managed-login-port', values['managed-login-port']);
  const running = await startLocalAws({
    dataDir: values.data,
    port,
    httpsPort,
    managedLoginPort,
    tls: values.tls,
    tokenIssuer,
    ...(values['ca-dir'] ? { caDir: values['ca-dir'] } : {}),
    ...(values.setup ? { setup: loadSetupFile(values.setup) } : {}),
    ...(values.template ? { setup: loadTemplateFile(values.template) } : {}),
  });
  const { httpsEndpoint, caFile } = running.info;
  if (httpsEndpoint) console.log(`local-aws https ${httpsEndpoint} (trust the CA ${caFile})`);
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
