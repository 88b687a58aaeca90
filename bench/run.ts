// `npm run bench [-- --quick] [--peers | --drop]`: measures the upload engine (or, with --peers, Hakobu's
// CLI against its peers; with --drop, the window taking a 10,000-file drop) against a fresh local-aws and writes bench/results/. A measurement, not a test: nothing is asserted and `npm test` never runs it.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { startLocalAwsProcess, type LocalAwsProcess } from './local-aws-process';
import { gitRevision, machineInfo } from './machine';
import { parseBenchOptions, USAGE } from './options';
import { measurePeers } from './peers/main';
import { writePeerResults } from './peers/report';
import { REPO_ROOT } from './paths';
import { casesFor, planFor, type BenchPlan } from './plan';
import { measureDrop } from './drop/main';
import { measureGallery } from './gallery/gallery-frames';
import { checkMemory } from './report/memory';
import { recommend } from './report/recommend';
import { caseResult, type BenchResults, type CaseResult } from './report/results';
import { writeResults } from './report/write';
import { runCase } from './run-case';
import { signInDemoUser, type BenchSession } from './sign-in';
import type { BenchCase, CaseTransfers } from './worker/protocol';
import { prepareWorkloads } from './workload';

function describeCase(c: CaseResult): string {
  const rate =
    c.workload === 'large'
      ? `${c.mibPerSecond.toFixed(1)} MiB/s`
      : `${c.filesPerSecond.toFixed(1)} files/s`;
  const peak = (c.memory.peakRssBytes / 1024 / 1024).toFixed(0);
  return `median ${c.seconds.median.toFixed(2)} s (${rate}, spread ${c.seconds.spreadPct.toFixed(0)}%), peak RSS ${peak} MiB`;
}

/**
 * The settings this matrix holds still. The config no longer defaults the old file and part pair,
 * so an unset one stands at its last default (3 files, 4 parts), keeping runs comparable.
 */
function matrixDefaults(session: BenchSession): CaseTransfers {
  const { concurrency, partConcurrency, partSizeMiB } = session.config.transfers;
  return { concurrency: concurrency ?? 3, partConcurrency: partConcurrency ?? 4, partSizeMiB };
}

async function buildCases(
  work: string,
  plan: BenchPlan,
  session: BenchSession,
): Promise<BenchCase[]> {
  const defaults = matrixDefaults(session);
  const loopbackFiles = await prepareWorkloads(join(work, 'loopback'), plan.loopback);
  const cases = casesFor('loopback', plan.loopback, loopbackFiles, plan, defaults);
  if (plan.wan) {
    const wanFiles = await prepareWorkloads(join(work, 'wan'), plan.wan);
    cases.push(...casesFor('wan', plan.wan, wanFiles, plan, defaults));
  }
  return cases;
}

async function measure(work: string, plan: BenchPlan): Promise<BenchResults> {
  const started = Date.now();
  const machine = machineInfo();
  const loadAtStart = loadavg()[0] ?? 0;
  let localAws: LocalAwsProcess | undefined;
  let session: BenchSession | undefined;
  try {
    localAws = await startLocalAwsProcess(join(work, 'local-aws'));
    session = await signInDemoUser(localAws.info);
    console.log(
      `local-aws at ${localAws.info.endpoint}; signed in as identity ${session.identityId}`,
    );
    const cases = await buildCases(work, plan, session);
    console.log(`${plan.mode} run: ${cases.length} cases × ${plan.repetitions} repetitions`);
    const results: CaseResult[] = [];
    for (const [index, benchCase] of cases.entries()) {
      await localAws.setFaults({ latencyMs: benchCase.latencyMs });
      const output = await runCase({
        configPath: localAws.info.appConfig,
        idToken: await session.getIdToken(),
        scratchDir: work,
        benchCase,
      });
      const result = caseResult(benchCase, output);
      results.push(result);
      console.log(
        `[${index + 1}/${cases.length}] ${benchCase.id.padEnd(24)} ${describeCase(result)}`,
      );
    }
    const defaults = matrixDefaults(session);
    return {
      format: 'hakobu-bench/1',
      mode: plan.mode,
      startedAt: new Date(started).toISOString(),
      durationSeconds: (Date.now() - started) / 1000,
      git: gitRevision(),
      machine,
      loadAverage: { start: loadAtStart, end: loadavg()[0] ?? 0 },
      plan,
      cases: results,
      memory: checkMemory(results),
      recommendation: recommend(results, {
        plan,
        cpus: machine.cpus,
        defaults,
      }),
    };
  } finally {
    session?.dispose();
    await localAws?.stop();
  }
}

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  const work = mkdtempSync(join(tmpdir(), 'hakobu-bench-'));
  // Ctrl-C reaches the workers and local-aws too (same process group); the scratch files are ours.
  process.once('SIGINT', () => {
    rmSync(work, { recursive: true, force: true });
    process.exit(130);
  });
  try {
    if (options.drop) {
      const trees = [
        { label: 'this tree', root: REPO_ROOT },
        ...(options.compare ? [{ label: options.compare, root: options.compare }] : []),
      ];
      const path = await measureDrop({
        files: options.files,
        repetitions: options.repetitions,
        quick: options.quick,
        trees,
      });
      console.log(`Wrote ${path}`);
      return;
    }
    if (options.gallery) {
      const path = await measureGallery({
        runs: options.quick ? 1 : options.repetitions,
        images: options.images,
        speed: 6_000,
        quick: options.quick,
        trees: [
          { label: 'this tree', root: REPO_ROOT },
          ...(options.compare ? [{ label: options.compare, root: options.compare }] : []),
        ],
      });
      console.log(`Wrote ${relative(REPO_ROOT, path)}`);
      return;
    }
    if (options.peers) {
      const paths = await writePeerResults(await measurePeers(options, work));
      console.log(`Wrote ${paths.map((p) => relative(REPO_ROOT, p)).join(', ')}`);
      return;
    }
    const results = await measure(work, planFor(options));
    const paths = await writeResults(results);
    const r = results.recommendation;
    console.log(
      `\nRecommended defaults: concurrency ${r.concurrency}, partConcurrency ${r.partConcurrency}, partSizeMiB ${r.partSizeMiB}`,
    );
    for (const reason of r.reasons) console.log(`  - ${reason}`);
    console.log(`Memory: ${results.memory.verdict}`);
    console.log(
      `Wrote ${relative(REPO_ROOT, paths.json)} and ${relative(REPO_ROOT, paths.markdown)}`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
