import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeleteObjectsCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import type { LocalAwsProcess } from '../local-aws-process';
import type { BenchSession } from '../sign-in';
import { writeRandomFile, writeSmallFiles } from '../workload';
import { invocationFor, type HakobuSetup, type UploadJob } from './contenders';
import { runMeasured } from './measured-process';
import type { PeerRun, RunOutcome } from './figures';
import type { Contender, PeerPlan, PeerWorkload } from './plan';
import { interleave } from './schedule';

/** One uploader in the rotation: a peer, or Hakobu with a swept parallelism. */
export interface Entrant {
  /** `hakobu`, `aws-cli`, …, or `hakobu-n8` for a sweep point. */
  id: string;
  contender: Contender;
  /** For Hakobu: the config it runs with. */
  configPath?: string;
  /** For a sweep point: the parallelism it was given. */
  parallel?: number;
  /** For Hakobu: another build's CLI (`hakobu-before`, a before/after in one rotation). */
  cli?: string;
}

/** Writes a copy of the app config with `transfers` overridden, for one sweep point. */
export function sweepConfig(appConfig: string, dir: string, parallel: number): string {
  const config = JSON.parse(readFileSync(appConfig, 'utf8')) as Record<string, unknown>;
  const transfers = (config.transfers ?? {}) as Record<string, unknown>;
  // A build with the request budget takes N from HAKOBU_PARALLEL_TRANSFERS (set per run) and
  // only caps it by files × parts; an older build (files × parts) gets N files and N parts. The
  // config allows at most 16 of each, so past 16 the parts make up the rest of the product.
  const files = Math.min(parallel, 16);
  const parts = parallel <= 16 ? parallel : Math.ceil(parallel / files);
  config.transfers = { ...transfers, concurrency: files, partConcurrency: parts };
  const path = join(dir, `config-n${parallel}.json`);
  writeFileSync(path, JSON.stringify(config, null, 2));
  return path;
}

/** Writes each workload's files below `dir`; returns the path each one uploads. */
export async function prepareSources(
  dir: string,
  workloads: readonly PeerWorkload[],
): Promise<Map<string, string>> {
  const sources = new Map<string, string>();
  for (const w of workloads) {
    const path = join(dir, w.id);
    if (w.kind === 'large') {
      mkdirSync(path, { recursive: true });
      await writeRandomFile(join(path, 'large.bin'), w.fileBytes);
      sources.set(w.id, join(path, 'large.bin'));
    } else {
      writeSmallFiles(path, w.files, w.fileBytes);
      sources.set(w.id, path);
    }
  }
  return sources;
}

async function listPrefix(s3: S3Client, bucket: string, prefix: string) {
  const objects: { Key: string; Size: number }[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
    );
    for (const o of page.Contents ?? []) objects.push({ Key: o.Key ?? '', Size: o.Size ?? 0 });
    token = page.NextContinuationToken;
  } while (token);
  return objects;
}

/** Checks that everything arrived, then deletes it so the next run starts from nothing. */
async function verifyAndClear(
  s3: S3Client,
  bucket: string,
  prefix: string,
  w: PeerWorkload,
): Promise<string | undefined> {
  const objects = await listPrefix(s3, bucket, prefix);
  const bytes = objects.reduce((sum, o) => sum + o.Size, 0);
  for (let i = 0; i < objects.length; i += 1000) {
    const batch = objects.slice(i, i + 1000).map((o) => ({ Key: o.Key }));
    await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch } }));
  }
  if (objects.length === w.files && bytes === w.files * w.fileBytes) return undefined;
  return `uploaded ${objects.length} of ${w.files} objects (${bytes} of ${w.files * w.fileBytes} bytes)`;
}

// The most telling line of a failed run: the last one naming an error, else the last one.
function errorLine(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const named = lines.filter((l) => /error|fail|denied|exception/i.test(l));
  return (named.at(-1) ?? lines.at(-1) ?? '').slice(0, 300);
}

/** Everything one workload's runs need. */
export interface PeerContext {
  localAws: LocalAwsProcess;
  session: BenchSession;
  plan: PeerPlan;
  work: string;
  hakobu: Omit<HakobuSetup, 'configPath'>;
  log(line: string): void;
}

async function runOnce(
  ctx: PeerContext,
  entrant: Entrant,
  w: PeerWorkload,
  source: string,
  home: string,
): Promise<RunOutcome> {
  const { info } = ctx.localAws;
  const folder = `bench/${entrant.id}/${w.id}`;
  const keyPrefix = `${ctx.session.identityId}/${folder}/`;
  const job: UploadJob = {
    endpoint: info.endpoint,
    region: info.region,
    bucket: info.bucket,
    keyPrefix,
    folderBelowIdentity: folder,
    source,
    isFolder: w.kind === 'small',
    credentials: await ctx.session.awsCredentials(),
    home,
  };
  const setup = {
    ...ctx.hakobu,
    configPath: entrant.configPath ?? info.appConfig,
    parallel: entrant.parallel,
    ...(entrant.cli ? { cli: entrant.cli } : {}),
  };
  const exit = await runMeasured(invocationFor(entrant.contender, job, setup), {
    timeoutMs: ctx.plan.runTimeoutMs,
  });
  const peak = exit.peakRssBytes;
  await ctx.localAws.setFaults({ latencyMs: 0 }); // checking and clearing is not timed
  const missing = await verifyAndClear(ctx.session.s3, info.bucket, keyPrefix, w).catch(
    (error: unknown) => `could not check the upload: ${String(error)}`,
  );
  await ctx.localAws.setFaults({ latencyMs: w.latencyMs });
  if (exit.timedOut || exit.code !== 0 || missing) {
    const why = exit.timedOut
      ? `timed out after ${ctx.plan.runTimeoutMs / 1000} s`
      : exit.code !== 0
        ? `exit ${exit.code ?? exit.signal}: ${errorLine(exit.stderrTail + '\n' + exit.stdoutTail)}`
        : (missing ?? '');
    return { ok: false, reason: why, wallSeconds: exit.wallSeconds, peakRssBytes: peak };
  }
  return {
    ok: true,
    seconds: exit.wallSeconds,
    wallSeconds: exit.wallSeconds,
    signInSeconds: 0,
    peakRssBytes: peak,
  };
}

/**
 * Runs every entrant on `w`, interleaved (A B C D, then B C D A, …), and returns each run.
 * A failing contender is recorded with its error line; the bench goes on.
 */
export async function runWorkload(
  ctx: PeerContext,
  w: PeerWorkload,
  source: string,
  entrants: readonly Entrant[],
): Promise<PeerRun[]> {
  await ctx.localAws.setFaults({ latencyMs: w.latencyMs });
  const runs: PeerRun[] = [];
  const schedule = interleave(entrants, ctx.plan.repetitions);
  for (const [slot, { item, repetition }] of schedule.entries()) {
    const home = join(ctx.work, 'homes', `${w.id}-${item.id}-${repetition}`);
    mkdirSync(home, { recursive: true });
    const outcome = await runOnce(ctx, item, w, source, home);
    runs.push({ contender: item.id, workloadId: w.id, repetition, slot, outcome });
    const shown = outcome.ok
      ? `${outcome.seconds.toFixed(2)} s`
      : `fails: ${outcome.reason.slice(0, 160)}`;
    const rss = outcome.peakRssBytes ? `${(outcome.peakRssBytes / 1e6).toFixed(0)} MB` : '?';
    ctx.log(`  ${w.id} #${repetition + 1} ${item.id.padEnd(12)} ${shown}, peak RSS ${rss}`);
  }
  await ctx.localAws.setFaults({ latencyMs: 0 });
  return runs;
}
