import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { startLocalAwsProcess, type LocalAwsProcess } from '../local-aws-process';
import { gitRevision, machineInfo } from '../machine';
import type { BenchOptions } from '../options';
import { signInDemoUser, type BenchSession } from '../sign-in';
import { measureCeiling, measureDiskWrite, type CeilingFigure } from './ceiling';
import { peerFigures, type PeerRun } from './figures';
import { checkGoals } from './goals';
import { CONTENDERS, peerPlanFor } from './plan';
import type { PeerResults } from './report';
import { prepareSources, runWorkload, sweepConfig, type Entrant } from './run-peers';

function entrantsFor(options: BenchOptions, appConfig: string, work: string): Entrant[] {
  const peers: Entrant[] = CONTENDERS.map((contender) => ({ id: contender, contender }));
  const sweep = options.sweep.map((n): Entrant => ({
    id: `hakobu-n${n}`,
    contender: 'hakobu',
    configPath: sweepConfig(appConfig, work, n),
    parallel: n,
  }));
  const before: Entrant[] = options.beforeCli
    ? [{ id: 'hakobu-before', contender: 'hakobu', cli: options.beforeCli }]
    : [];
  return [...peers, ...before, ...sweep];
}

async function ceilingAndDisk(
  session: BenchSession,
  localAws: LocalAwsProcess,
  options: { objectBytes: number; totalBytes: number; concurrencies: number[] },
  diskBytes: number,
  work: string,
  log: (line: string) => void,
): Promise<{ ceiling: CeilingFigure[]; diskMiBps: number }> {
  const diskMiBps = await measureDiskWrite(join(work, 'local-aws', 'disk-rate.bin'), diskBytes);
  log(`disk write with fdatasync: ${diskMiBps.toFixed(0)} MiB/s`);
  const ceiling: CeilingFigure[] = [];
  const target = {
    bucket: localAws.info.bucket,
    keyPrefix: `${session.identityId}/bench/ceiling/`,
  };
  for (const concurrency of options.concurrencies) {
    const figure = await measureCeiling(session.s3, target, options, concurrency);
    ceiling.push(figure);
    log(
      `ceiling, bare signed PUT loop, ${concurrency} at once: ${figure.mibPerSecond.toFixed(0)} MiB/s`,
    );
  }
  return { ceiling, diskMiBps };
}

/** The peers run: every contender on every workload against one fresh local-aws. */
export async function measurePeers(options: BenchOptions, work: string): Promise<PeerResults> {
  const started = Date.now();
  const machine = machineInfo();
  const loadAtStart = loadavg()[0] ?? 0;
  for (const cli of [options.hakobuCli, options.beforeCli ?? options.hakobuCli]) {
    if (!existsSync(cli)) throw new Error(`${cli} does not exist: run \`npm run build\` first`);
  }
  const plan = peerPlanFor({ ...options, repetitions: options.quick ? 1 : options.repetitions });
  const log = (line: string) => console.log(line);
  let localAws: LocalAwsProcess | undefined;
  let session: BenchSession | undefined;
  try {
    localAws = await startLocalAwsProcess(join(work, 'local-aws'));
    session = await signInDemoUser(localAws.info);
    log(`local-aws at ${localAws.info.endpoint}; identity ${session.identityId}`);
    const { ceiling, diskMiBps } = await ceilingAndDisk(
      session,
      localAws,
      plan.ceiling,
      plan.diskBytes,
      work,
      log,
    );
    const sources = await prepareSources(join(work, 'sources'), plan.workloads);
    const entrants = entrantsFor(options, localAws.info.appConfig, work);
    const ctx = {
      localAws,
      session,
      plan,
      work,
      hakobu: {
        cli: options.hakobuCli,
        username: localAws.info.demoUser.username,
        password: localAws.info.demoUser.password,
      },
      log,
    };
    const runs: PeerRun[] = [];
    for (const w of plan.workloads) {
      log(`${w.id}: ${w.files} × ${(w.fileBytes / 1024).toFixed(0)} KiB, +${w.latencyMs} ms`);
      const mine = w.only
        ? entrants.filter((e) => e.contender === w.only && !e.parallel)
        : entrants;
      const once = w.only ? { ...ctx, plan: { ...plan, repetitions: 1 } } : ctx;
      runs.push(...(await runWorkload(once, w, sources.get(w.id) ?? '', mine)));
    }
    const figures = peerFigures(
      runs,
      plan.workloads,
      entrants.map((e) => e.id),
    );
    const bestCeiling = Math.max(...ceiling.map((c) => c.mibPerSecond));
    return {
      format: 'hakobu-bench-peers/1',
      mode: options.quick ? 'quick' : 'full',
      startedAt: new Date(started).toISOString(),
      durationSeconds: (Date.now() - started) / 1000,
      git: gitRevision(),
      machine,
      loadAverage: { start: loadAtStart, end: loadavg()[0] ?? 0 },
      hakobuCli: options.hakobuCli,
      plan,
      entrants: entrants.map(({ id, contender, parallel }) => ({ id, contender, parallel })),
      diskMiBps,
      ceiling,
      runs,
      figures,
      goals: checkGoals(figures, plan.workloads, bestCeiling, diskMiBps),
    };
  } finally {
    session?.dispose();
    await localAws?.stop();
  }
}
