// `npx tsx bench/gallery/profile.ts [--images 3000] [--root <tree>] [--trace out.json] [--cpuprofile out.cpuprofile]`
// Profiles one scroll of the gallery in Chromium through the harness: a Chrome trace (what the
// renderer's main thread spent its time on) and a JS CPU profile (which functions), so changes
// aim at what costs frames. A profiling aid, not a measurement of record.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../tests/e2e/support/hakobu';
import { startLocalAwsProcess } from '../local-aws-process';
import { REPO_ROOT } from '../paths';
import { signInDemoUser } from '../sign-in';
import { summarizeFrames } from './frame-stats';
import { scrollToEnd, signInAndWatchFirstScreen, type ScrollRecord } from './page-probes';
import { seedGallery } from './seed';
import { summarizeCpuProfile, summarizeTrace, type CpuProfile } from './trace-summary';
import { buildRenderer, startTreeHarness } from './tree-harness';

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink',
  'cc',
  'gpu',
  'v8',
  'loading',
  'toplevel',
];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      images: { type: 'string', default: '3000' },
      speed: { type: 'string', default: '6000' },
      root: { type: 'string', default: REPO_ROOT },
      trace: { type: 'string' },
      cpuprofile: { type: 'string' },
    },
  });
  const images = Number(values.images);
  const root = resolve(values.root);
  buildRenderer(root);
  const work = mkdtempSync(join(tmpdir(), 'hakobu-bench-profile-'));
  const localAws = await startLocalAwsProcess(join(work, 'local-aws'));
  const harness = await (async () => {
    const session = await signInDemoUser(localAws.info);
    await seedGallery(session, images).finally(() => session.dispose());
    return startTreeHarness(root, localAws.info.appConfig);
  })();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({
      locale: 'en-US',
      viewport: { width: 1280, height: 800 },
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    await page.goto(harness.url);
    await page.getByLabel('Email', { exact: true }).fill(localAws.info.demoUser.username);
    await page.getByLabel('Password', { exact: true }).fill(localAws.info.demoUser.password);
    const first: unknown = await page.evaluate(signInAndWatchFirstScreen('Sign in', 60_000));
    console.log('first screen', first);

    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await browser.startTracing(page, { categories: CATEGORIES });
    await cdp.send('Profiler.start');
    const record = (await page.evaluate(
      scrollToEnd(Number(values.speed), 600_000),
    )) as ScrollRecord;
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    const trace = await browser.stopTracing();
    if (values.trace) writeFileSync(values.trace, trace);
    if (values.cpuprofile) writeFileSync(values.cpuprofile, JSON.stringify(profile));

    console.log('frames', summarizeFrames(record.frames), 'long tasks', record.longTasks);
    console.log('\nrenderer main thread, ms by event (nested events counted in each):');
    for (const [name, ms] of summarizeTrace(trace.toString('utf8')).slice(0, 25)) {
      console.log(`  ${ms.toFixed(0).padStart(7)}  ${name}`);
    }
    console.log('\nJS self time, ms:');
    for (const [name, ms] of summarizeCpuProfile(profile).slice(0, 25)) {
      console.log(`  ${ms.toFixed(0).padStart(7)}  ${name}`);
    }
  } finally {
    await browser.close().catch(() => {});
    await harness.stop();
    await localAws.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
