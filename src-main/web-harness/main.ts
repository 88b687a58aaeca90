// `npm run dev:web`: the renderer in a browser, wired to the real core. Development and tests only.
// With no HAKOBU_CONFIG it starts local-aws itself, so a newcomer sees Hakobu work at once.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createHakobuApp } from '../core/api/app';
import { userConfigDir } from '../core/config';
import { ensurePrivateDirSync } from '../core/fs/private-dir';
import { createLogger } from '../core/log/logger';
import { KeytarSecretStore } from '../core/secrets';
import { harnessMediaUrl } from './media-url';
import { startWebHarness } from './server';
import { createStagingDir } from './staging';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5174' },
      'local-aws-data': { type: 'string', default: '.local-aws-data' },
    },
  });
  const log = createLogger((level, message, data) => {
    if (level !== 'debug') console.error(`[${level}] ${message}`, ...data);
  });
  let configPath = process.env.HAKOBU_CONFIG;
  let stopLocalAws: (() => Promise<void>) | undefined;
  if (!configPath) {
    // Imported lazily: local-aws (and its AGPL policy evaluator) is a dev tool, never bundled.
    const { startLocalAws } = await import('../../local-aws/server');
    const localAws = await startLocalAws({ dataDir: resolve(values['local-aws-data']), port: 0 });
    configPath = localAws.info.appConfig;
    stopLocalAws = localAws.close;
    const demo = localAws.info.demoUser;
    if (demo) console.log(`local-aws demo user: ${demo.username} / ${demo.password}`);
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
  });
  const harness = await startWebHarness({
    port: Number(values.port),
    rendererDir: resolve('dist/renderer'),
    stagingDir,
    files: app.files,
    handlers: app.handlers,
    serveMedia: app.media,
    events: { subscribe: (emit) => app.subscribe(emit) },
    log,
  });
  await app.start();
  console.log(`hakobu web ready ${harness.url}`);
  const stop = async () => {
    await harness.close();
    await app.dispose();
    await stopLocalAws?.();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  // process.exit still runs the 'exit' listener, so staging is removed on a failed start too.
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
