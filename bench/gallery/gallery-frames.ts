// `npx tsx bench/gallery/gallery-frames.ts [--runs 3] [--images 10000] [--speed 6000] [--quick]`
// Measures the library gallery in Chromium through the web harness: time to the first screen of
// thumbnails after sign-in, and frame times while scrolling a folder of many images to its end,
// next to the same frame loop on an empty page. A measurement, not a test: nothing is asserted.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../tests/e2e/support/hakobu';
import { startLocalAwsProcess } from '../local-aws-process';
import { gitRevision, machineInfo } from '../machine';
import { REPO_ROOT, RESULTS_DIR } from '../paths';
import { signInDemoUser } from '../sign-in';
import { median } from '../stats';
import { summarizeFrames, type FrameSummary } from './frame-stats';
import {
  emptyScrollerHtml,
  scrollToEnd,
  signInAndWatchFirstScreen,
  type FirstScreenTimes,
  type ScrollRecord,
} from './page-probes';
import { parseOptions, type Options } from './options';

export type { Options as GalleryOptions } from './options';
import { seedGallery } from './seed';
import { buildRenderer, startTreeHarness } from './tree-harness';

const VIEWPORT = { width: 1280, height: 800 };
const BASELINE_SECONDS = 10;
const FIRST_SCREEN_TIMEOUT_MS = 60_000;
const SCROLL_TIMEOUT_MS = 15 * 60_000;
/** After the scroll stops, how long thumbnail responses are still counted as arriving. */
const SETTLE_MS = 2_000;

interface RunResult {
  firstScreen: FirstScreenTimes;
  frames: FrameSummary;
  baseline: FrameSummary;
  scroll: Omit<ScrollRecord, 'frames'>;
  thumbnailRequests: {
    started: number;
    finished: number;
    /** Cancelled by the page (net::ERR_ABORTED) or failed. */
    failed: number;
    /** Still unanswered when the scroll reached the end. */
    pendingAtEnd: number;
    /** Answered after the scroll reached the end (work for tiles long gone, mostly). */
    finishedAfterEnd: number;
  };
}

/** Counts the page's thumbnail requests as Chromium sees them. */
function watchThumbnails(page: Page) {
  const isThumb = (url: string) => url.includes('/media/thumb/');
  const counts = { started: 0, finished: 0, failed: 0 };
  page.on('request', (r) => isThumb(r.url()) && counts.started++);
  page.on('requestfinished', (r) => isThumb(r.url()) && counts.finished++);
  page.on('requestfailed', (r) => isThumb(r.url()) && counts.failed++);
  return counts;
}

async function measureRun(
  root: string,
  configPath: string,
  user: { username: string; password: string },
  options: Options,
): Promise<RunResult> {
  // A fresh harness per run: its own user-data folder, so the thumbnail cache starts cold each time.
  const harness = await startTreeHarness(root, configPath);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({
      locale: 'en-US',
      viewport: VIEWPORT,
      deviceScaleFactor: 1,
    });
    const empty = await context.newPage();
    await empty.setContent(emptyScrollerHtml(options.speed * BASELINE_SECONDS + VIEWPORT.height));
    const baseline = (await empty.evaluate(
      scrollToEnd(options.speed, SCROLL_TIMEOUT_MS),
    )) as ScrollRecord;
    await empty.close();

    const page = await context.newPage();
    const thumbs = watchThumbnails(page);
    await page.goto(harness.url);
    await page.getByLabel('Email', { exact: true }).fill(user.username);
    await page.getByLabel('Password', { exact: true }).fill(user.password);
    const firstScreen = (await page.evaluate(
      signInAndWatchFirstScreen('Sign in', FIRST_SCREEN_TIMEOUT_MS),
    )) as FirstScreenTimes;
    const { frames, ...scroll } = (await page.evaluate(
      scrollToEnd(options.speed, SCROLL_TIMEOUT_MS),
    )) as ScrollRecord;
    const atEnd = { ...thumbs };
    await page.waitForTimeout(SETTLE_MS);
    return {
      firstScreen,
      frames: summarizeFrames(frames),
      baseline: summarizeFrames(baseline.frames),
      scroll,
      thumbnailRequests: {
        ...atEnd,
        pendingAtEnd: atEnd.started - atEnd.finished - atEnd.failed,
        finishedAfterEnd: thumbs.finished - atEnd.finished,
      },
    };
  } finally {
    await browser.close().catch(() => {});
    await harness.stop();
  }
}

function describeRun(run: RunResult): string {
  const f = run.frames;
  const t = run.thumbnailRequests;
  return (
    `first tiles ${run.firstScreen.firstTilesMs.toFixed(0)} ms, ` +
    `first screen ${run.firstScreen.firstScreenMs.toFixed(0)} ms; ` +
    `frames p50 ${f.p50} / p95 ${f.p95} / p99 ${f.p99} / max ${f.max} ms (${f.droppedPct}% dropped, ${f.count} frames, ` +
    `${run.scroll.seconds.toFixed(1)} s, ${run.scroll.waitingForPagesMs.toFixed(0)} ms waiting for pages); ` +
    `baseline p50 ${run.baseline.p50} / p95 ${run.baseline.p95} / p99 ${run.baseline.p99} ms; ` +
    `long tasks ${run.scroll.longTasks.count} (${run.scroll.longTasks.totalMs.toFixed(0)} ms); ` +
    `thumbnails requested ${t.started}, answered ${t.finished}, cancelled ${t.failed}, pending at end ${t.pendingAtEnd}`
  );
}

/** Medians over one tree's runs, as the report shows them. */
function summarize(runs: readonly RunResult[]) {
  const med = (pick: (run: RunResult) => number) => median(runs.map(pick));
  const frames = (pick: (run: RunResult) => FrameSummary) => ({
    p50: med((r) => pick(r).p50),
    p95: med((r) => pick(r).p95),
    p99: med((r) => pick(r).p99),
    max: med((r) => pick(r).max),
  });
  return {
    runs: runs.length,
    firstTilesMs: med((r) => r.firstScreen.firstTilesMs),
    firstThumbnailMs: med((r) => r.firstScreen.firstThumbnailMs),
    firstScreenMs: med((r) => r.firstScreen.firstScreenMs),
    frames: frames((r) => r.frames),
    baseline: frames((r) => r.baseline),
    droppedPct: med((r) => r.frames.droppedPct),
    longTaskMs: med((r) => r.scroll.longTasks.totalMs),
    waitingForPagesMs: med((r) => r.scroll.waitingForPagesMs),
    thumbnailsRequested: med((r) => r.thumbnailRequests.started),
    thumbnailsCancelled: med((r) => r.thumbnailRequests.failed),
  };
}

/**
 * Seeds a folder of images into a fresh local-aws, measures each tree's gallery `options.runs`
 * times in turn, and writes bench/results/gallery-latest[-quick].json; returns its path.
 */
export async function measureGallery(options: Options): Promise<string> {
  const started = Date.now();
  const loadAtStart = loadavg()[0] ?? 0;
  for (const tree of options.trees) buildRenderer(tree.root);
  const work = mkdtempSync(join(tmpdir(), 'hakobu-bench-gallery-'));
  const localAws = await startLocalAwsProcess(join(work, 'local-aws'));
  try {
    const session = await signInDemoUser(localAws.info);
    const seedSeconds = await seedGallery(session, options.images).finally(() => session.dispose());
    console.log(`seeded ${options.images} images in ${seedSeconds.toFixed(1)} s`);
    const runs = new Map(options.trees.map((tree) => [tree.label, [] as RunResult[]]));
    for (let i = 0; i < options.runs; i++) {
      // Trees take turns, the first one rotating, so a noisy minute does not fall on one alone.
      const order = options.trees.map((_, t) => options.trees[(t + i) % options.trees.length]);
      for (const tree of order) {
        if (!tree) continue;
        const run = await measureRun(
          tree.root,
          localAws.info.appConfig,
          localAws.info.demoUser,
          options,
        );
        runs.get(tree.label)?.push(run);
        console.log(`[${tree.label}, run ${i + 1}/${options.runs}] ${describeRun(run)}`);
      }
    }
    const summary = Object.fromEntries([...runs].map(([label, r]) => [label, summarize(r)]));
    for (const [label, s] of Object.entries(summary)) {
      console.log(
        `${label}, median of ${s.runs}: first tiles ${s.firstTilesMs.toFixed(0)} ms, first screen ` +
          `${s.firstScreenMs.toFixed(0)} ms; frames p50 ${s.frames.p50} / p95 ${s.frames.p95} / ` +
          `max ${s.frames.max} ms; baseline p50 ${s.baseline.p50} / p95 ${s.baseline.p95} ms`,
      );
    }
    mkdirSync(RESULTS_DIR, { recursive: true });
    const out = join(RESULTS_DIR, `gallery-latest${options.quick ? '-quick' : ''}.json`);
    const result = {
      format: 'hakobu-bench-gallery/2',
      startedAt: new Date(started).toISOString(),
      durationSeconds: (Date.now() - started) / 1000,
      git: gitRevision(),
      machine: machineInfo(),
      loadAverage: { atStart: loadAtStart, atEnd: loadavg()[0] ?? 0 },
      options: { ...options, viewport: VIEWPORT, chromiumArgs: CHROMIUM_ARGS },
      seedSeconds,
      summary,
      runs: Object.fromEntries(runs),
    };
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    return out;
  } finally {
    await localAws.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

// Run directly (`npx tsx bench/gallery/gallery-frames.ts …`) as well as from `npm run bench -- --gallery`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  measureGallery(parseOptions(process.argv.slice(2)))
    .then((out) => console.log(`wrote ${relative(REPO_ROOT, out)}`))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exitCode = 1;
    });
}
