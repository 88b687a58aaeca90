// `npm run bench -- --drop [--files 10000] [--reps 3] [--compare <tree>]`: drops many tiny files
// on the window in Chromium through the web harness, and measures how long until all of them are
// queued and listed, and the frame times while they upload. A measurement, not a test.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../tests/e2e/support/hakobu';
import { summarizeFrames, type FrameSummary } from '../gallery/frame-stats';
import { buildRenderer, startTreeHarness } from '../gallery/tree-harness';
import { startLocalAwsProcess } from '../local-aws-process';
import { gitRevision, machineInfo } from '../machine';
import { REPO_ROOT, RESULTS_DIR } from '../paths';
import { median } from '../stats';
import { dropAndWatch, type DropRecord } from './page-probe';

const VIEWPORT = { width: 1280, height: 800 };
const SIGN_IN_TIMEOUT_MS = 60_000;
const DROP_TIMEOUT_MS = 15 * 60_000;

/** What `--drop` runs: how many files, how often, and which source trees. */
export interface DropOptions {
  files: number;
  repetitions: number;
  quick: boolean;
  trees: { label: string; root: string }[];
}

interface DropRun {
  /** Drop → the overview counts every file and the list holds them all. */
  listedMs: number | null;
  /** Drop → every file finished. */
  doneMs: number | null;
  /** Drop → the last staging request (/stage/batch) was answered: the harness-only part of a drop. */
  stagedMs: number | null;
  /** Drop → the page sent 'transfers.enqueue' with every handle. */
  enqueueSentMs: number | null;
  failed: number;
  timedOut: boolean;
  listingFrames: FrameSummary | null;
  uploadFrames: FrameSummary | null;
  longTasks: DropRecord['longTasks'];
}

async function measureRun(
  root: string,
  configPath: string,
  user: { username: string; password: string },
  files: number,
  prefix: string,
): Promise<DropRun> {
  const harness = await startTreeHarness(root, configPath);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({ locale: 'en-US', viewport: VIEWPORT });
    const page = await context.newPage();
    await page.goto(harness.url);
    await page.getByLabel('Email', { exact: true }).fill(user.username);
    await page.getByLabel('Password', { exact: true }).fill(user.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const transfers = page.getByRole('navigation').getByRole('button', { name: 'Transfers' });
    await transfers.waitFor({ timeout: SIGN_IN_TIMEOUT_MS });
    await transfers.click();
    await page.getByText('No uploads yet').waitFor({ timeout: SIGN_IN_TIMEOUT_MS });
    const record = (await page.evaluate(
      dropAndWatch(files, prefix, DROP_TIMEOUT_MS),
    )) as DropRecord;
    return {
      listedMs: record.listedMs,
      doneMs: record.doneMs,
      stagedMs: record.stagedMs,
      enqueueSentMs: record.enqueueSentMs,
      failed: record.failed,
      timedOut: record.timedOut,
      listingFrames: record.listingFrames.length ? summarizeFrames(record.listingFrames) : null,
      uploadFrames: record.uploadFrames.length ? summarizeFrames(record.uploadFrames) : null,
      longTasks: record.longTasks,
    };
  } finally {
    await browser.close().catch(() => {});
    await harness.stop();
  }
}

const ms = (value: number | null) => (value === null ? 'n/a' : `${(value / 1000).toFixed(2)} s`);

function describeRun(run: DropRun): string {
  const u = run.uploadFrames;
  return (
    `listed ${ms(run.listedMs)} (staged ${ms(run.stagedMs)}, enqueue sent ${ms(run.enqueueSentMs)}), ` +
    `all done ${ms(run.doneMs)}${run.timedOut ? ' (timed out)' : ''}, ${run.failed} failed; ` +
    `upload frames p50 ${u?.p50 ?? 'n/a'} / p95 ${u?.p95 ?? 'n/a'} / max ${u?.max ?? 'n/a'} ms; ` +
    `listing frames p95 ${run.listingFrames?.p95 ?? 'n/a'} / max ${run.listingFrames?.max ?? 'n/a'} ms; ` +
    `long tasks ${run.longTasks.count} (${run.longTasks.totalMs.toFixed(0)} ms)`
  );
}

/** Medians over one tree's runs (runs that never got there left out). */
function summarize(runs: readonly DropRun[]) {
  const med = (pick: (run: DropRun) => number | null | undefined) => {
    const values = runs.map(pick).filter((v): v is number => typeof v === 'number');
    return values.length ? median(values) : null;
  };
  return {
    runs: runs.length,
    listedMs: med((r) => r.listedMs),
    // What is left once the harness-only part (the page copying the Files to /stage/batch) is done:
    // main journaling and queuing every file, and the window listing them.
    listedAfterEnqueueSentMs: med((r) =>
      r.listedMs !== null && r.enqueueSentMs !== null ? r.listedMs - r.enqueueSentMs : null,
    ),
    stagedMs: med((r) => r.stagedMs),
    enqueueSentMs: med((r) => r.enqueueSentMs),
    doneMs: med((r) => r.doneMs),
    uploadFrames: { p50: med((r) => r.uploadFrames?.p50), p95: med((r) => r.uploadFrames?.p95) },
    listingFrames: { p95: med((r) => r.listingFrames?.p95), max: med((r) => r.listingFrames?.max) },
    longTaskMs: med((r) => r.longTasks.totalMs),
    goals: {
      listedWithin5s: med((r) => r.listedMs),
      uploadP95Within33ms: med((r) => r.uploadFrames?.p95),
    },
  };
}

/** Runs the drop bench and writes bench/results/drop-latest[-quick].json; returns its path. */
export async function measureDrop(options: DropOptions): Promise<string> {
  const started = Date.now();
  const loadAtStart = loadavg()[0] ?? 0;
  for (const tree of options.trees) buildRenderer(tree.root);
  const work = mkdtempSync(join(tmpdir(), 'hakobu-bench-drop-'));
  const localAws = await startLocalAwsProcess(join(work, 'local-aws'));
  try {
    const runs = new Map(options.trees.map((tree) => [tree.label, [] as DropRun[]]));
    for (let i = 0; i < options.repetitions; i++) {
      // Trees take turns, the first one rotating, so a noisy minute does not fall on one alone.
      const order = options.trees.map((_, t) => options.trees[(t + i) % options.trees.length]);
      for (const [t, tree] of order.entries()) {
        if (!tree) continue;
        // Fresh names every run: earlier runs' objects must not turn into name conflicts.
        const prefix = `drop-r${i + 1}-t${t + 1}`;
        const run = await measureRun(
          tree.root,
          localAws.info.appConfig,
          localAws.info.demoUser,
          options.files,
          prefix,
        );
        runs.get(tree.label)?.push(run);
        console.log(`[${tree.label}, run ${i + 1}/${options.repetitions}] ${describeRun(run)}`);
      }
    }
    const summary = Object.fromEntries([...runs].map(([label, r]) => [label, summarize(r)]));
    for (const [label, s] of Object.entries(summary)) {
      console.log(
        `${label}, median of ${s.runs}: listed ${ms(s.listedMs)} (goal ≤ 5 s), upload frames p95 ` +
          `${s.uploadFrames.p95 ?? 'n/a'} ms (goal ≤ 33 ms), all done ${ms(s.doneMs)}`,
      );
    }
    mkdirSync(RESULTS_DIR, { recursive: true });
    const out = join(RESULTS_DIR, `drop-latest${options.quick ? '-quick' : ''}.json`);
    const result = {
      format: 'hakobu-bench-drop/1',
      startedAt: new Date(started).toISOString(),
      durationSeconds: (Date.now() - started) / 1000,
      git: gitRevision(),
      machine: machineInfo(),
      loadAverage: { atStart: loadAtStart, atEnd: loadavg()[0] ?? 0 },
      options: { ...options, viewport: VIEWPORT, chromiumArgs: CHROMIUM_ARGS },
      summary,
      runs: Object.fromEntries(runs),
    };
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    return relative(REPO_ROOT, out);
  } finally {
    await localAws.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
