// `npm run dev:web`: the renderer in a browser, wired to the real core. Development and tests only.
// With no HAKOBU_CONFIG it starts local-aws itself, so a newcomer sees Hakobu work at once.
import { readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createHakobuApp } from '../core/api/app';
import { userConfigDir } from '../core/config';
import { ensurePrivateDirSync } from '../core/fs/private-dir';
import { createLogger } from '../core/log/logger';
import { KeytarSecretStore } from '../core/secrets';
import { harnessMediaUrl } from './media-url';
import { startWebHarness } from './server';
import { createStagingDir } from './staging';

// Ctrl+C (SIGINT), a test runner or service manager (SIGTERM) and a closed terminal (SIGHUP). By
// default Node dies of each without running 'exit' listeners, which would leave the staged copies
// of the user's dropped files behind in the temp folder.
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** What the harness prints before a URL the app asked the system browser to open. */
const OPEN_EXTERNAL_PREFIX = 'hakobu web open-external ';

/**
 * Stops the harness on any of STOP_SIGNALS, closing what `closing()` returns, then exits (and the
 * 'exit' listener removes staging). A second signal while closing exits at once: still cleanly.
 */
function exitOnSignals(closing: () => Promise<void>): void {
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(1);
    stopping = true;
    closing().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('the harness did not close cleanly:', error);
        process.exit(1);
      },
    );
  };
  for (const signal of STOP_SIGNALS) process.on(signal, stop);
}

/** local-aws's app config switched to its managed-login client, beside the original. */
function writeSsoConfig(
  appConfig: string,
  sso: { clientId: string; domain: string; identityProvider: string | null },
): string {
  const config = JSON.parse(readFileSync(appConfig, 'utf8')) as Record<string, unknown>;
  const signIn = {
    method: 'managedLogin',
    domain: sso.domain,
    ...(sso.identityProvider ? { identityProvider: sso.identityProvider } : {}),
  };
  const path = join(dirname(appConfig), 'hakobu-sso-config.json');
  writeFileSync(path, JSON.stringify({ ...config, clientId: sso.clientId, signIn }, null, 2), {
    mode: 0o600,
  });
  return path;
}

async function main(): Promise<void> {
  // Closed as they start, so a signal during start-up stops what has started so far.
  const started: (() => Promise<void>)[] = [];
  exitOnSignals(async () => {
    for (const close of started.splice(0).reverse()) await close();
  });
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5174' },
      'local-aws-data': { type: 'string', default: '.local-aws-data' },
      // With the built-in local-aws: sign in through its managed login and company IdP.
      sso: { type: 'boolean', default: false },
    },
  });
  const log = createLogger((level, message, data) => {
    if (level !== 'debug') console.error(`[${level}] ${message}`, ...data);
  });
  let configPath = process.env.HAKOBU_CONFIG;
  if (!configPath) {
    // Imported lazily: local-aws (and its AGPL policy evaluator) is a dev tool, never bundled.
    const { startLocalAws } = await import('../../local-aws/server');
    // Plain http: this process could trust a CA made after it started only by a change to its own
    // TLS defaults (NODE_EXTRA_CA_CERTS is read at start). `npm start` runs the harness over https.
    const localAws = await startLocalAws({
      dataDir: resolve(values['local-aws-data']),
      port: 0,
      tls: false,
    });
    configPath = localAws.info.appConfig;
    started.push(localAws.close);
    const demo = localAws.info.demoUser;
    const sso = values.sso ? localAws.info.managedLogin : null;
    if (sso) {
      configPath = writeSsoConfig(configPath, sso);
      const [user] = sso.idpUsers;
      if (user) console.log(`company IdP demo user: ${user.username} / ${user.password}`);
    } else if (demo) console.log(`local-aws demo user: ${demo.username} / ${demo.password}`);
  }
  const userData = process.env.HAKOBU_USER_DATA ?? `${userConfigDir()}-web`;
  ensurePrivateDirSync(userData);
  const stagingDir = createStagingDir();
  const app = createHakobuApp({
    shell: 'web',
    version: process.env.npm_package_version ?? '0.0.0',
    locale: process.env.HAKOBU_LOCALE ?? Intl.DateTimeFormat().resolvedOptions().locale,
    dirs: { userData, cache: join(userData, 'cache'), downloads: join(homedir(), 'Downloads') },
    configPath,
    secrets: new KeytarSecretStore(),
    log,
    mediaUrl: harnessMediaUrl,
    chosenFilesWithin: stagingDir,
    // Stands in for shell.openExternal: the test (or a developer) opens it as the system browser
    // would. A line of its own on stdout, beside the ready line the tests already read.
    openBrowser: async (url) => {
      console.log(`${OPEN_EXTERNAL_PREFIX}${url}`);
    },
  });
  started.push(() => app.dispose());
  const harness = await startWebHarness({
    port: Number(values.port),
    rendererDir: resolve('dist/renderer'),
    stagingDir,
    files: app.files,
    handlers: app.handlers,
    offerFiles: (paths) => app.offers.offer(paths),
    serveMedia: app.media,
    events: { subscribe: (emit) => app.subscribe(emit) },
    log,
  });
  started.push(() => harness.close());
  await app.start();
  console.log(`hakobu web ready ${harness.url}`);
}

main().catch((error: unknown) => {
  // process.exit still runs the 'exit' listener, so staging is removed on a failed start too.
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
