// One benchmark case in a process of its own, so its peak RSS is the engine's alone (local-aws
// runs in another process) and no earlier case's heap inflates it. Started by bench/run-case.ts.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { text } from 'node:stream/consumers';
import { S3Client } from '@aws-sdk/client-s3';
import type { TransferItemView } from '../../src-main/contract/views';
import { HakobuConfig } from '../../src-main/core/config';
import {
  createIdentityCredentials,
  type IdentityCredentials,
} from '../../src-main/core/credentials';
import { createTransferEngine } from '../../src-main/core/transfers/engine';
import type { TransferConfig } from '../../src-main/core/transfers/types';
import { deletePrefix } from './cleanup';
import { RESULT_MARKER, WorkerInput, type Repetition, type WorkerOutput } from './protocol';
import { kernelPeakRss, settledRss, startRssSampler } from './rss';

interface Uploader {
  config: TransferConfig;
  identityId: string;
  credentials: IdentityCredentials;
  s3: S3Client;
  bucket: string;
  scratchDir: string;
}

interface Upload {
  /** Names the S3 folder, so each upload writes new keys as a first upload would. */
  label: string;
  paths: string[];
}

/** Throws unless every item reached `completed`, naming the first that did not. */
function assertCompleted(label: string, items: TransferItemView[]): void {
  const problem = items.find((i) => i.state !== 'completed');
  if (items.length === 0 || problem) {
    throw new Error(
      `${label}: ${items.length === 0 ? 'nothing was enqueued' : `${problem?.name} ended ${problem?.state}: ${problem?.error?.message ?? 'no error'}`}`,
    );
  }
}

/**
 * Uploads `paths` once with a fresh engine and journal, timing from enqueue to idle, then
 * deletes what it uploaded so a full run never holds more than one workload on disk.
 */
async function timedUpload(
  up: Uploader,
  upload: Upload,
): Promise<Repetition & { files: number; bytes: number }> {
  const journalDir = mkdtempSync(join(up.scratchDir, 'journal-'));
  const folder = `bench/${upload.label}`;
  const engine = createTransferEngine({
    config: up.config,
    identityId: up.identityId,
    credentials: up.credentials.provider,
    forceRefresh: () => up.credentials.forceRefresh(),
    journalDir,
  });
  try {
    settledRss();
    const sampler = startRssSampler();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await engine.enqueue(upload.paths, { folder });
    await engine.whenIdle();
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const sampledPeakRssBytes = sampler.stop();
    const { items } = engine.snapshot();
    assertCompleted(upload.label, items);
    return {
      seconds,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      sampledPeakRssBytes,
      files: items.length,
      bytes: items.reduce((sum, i) => sum + i.sentBytes, 0),
    };
  } finally {
    await engine.close();
    rmSync(journalDir, { recursive: true, force: true });
    await deletePrefix(up.s3, up.bucket, `${up.identityId}/${folder}/`);
  }
}

async function main(): Promise<void> {
  const input = WorkerInput.parse(JSON.parse(await text(process.stdin)));
  const { benchCase } = input;
  const config = HakobuConfig.parse(JSON.parse(readFileSync(input.configPath, 'utf8')));
  const location = config.locations.find((l) => l.access === 'readwrite');
  if (!location) throw new Error(`${input.configPath} has no writable location`);
  const credentials = createIdentityCredentials({ config, getIdToken: async () => input.idToken });
  const s3 = new S3Client({
    region: config.region,
    ...(config.endpoints.s3 ? { endpoint: config.endpoints.s3, forcePathStyle: true } : {}),
    credentials: credentials.provider,
  });
  try {
    const up: Uploader = {
      config: { ...config, transfers: { ...config.transfers, ...benchCase.transfers } },
      identityId: await credentials.identityId(),
      credentials,
      s3,
      bucket: location.bucket,
      scratchDir: input.scratchDir,
    };
    const floorRssBytes = settledRss();
    if (benchCase.warmupPaths.length > 0) {
      await timedUpload(up, { label: `${benchCase.id}/warmup`, paths: benchCase.warmupPaths });
    }
    const repetitions: Repetition[] = [];
    for (let i = 1; i <= benchCase.repetitions; i++) {
      const { files, bytes, ...repetition } = await timedUpload(up, {
        label: `${benchCase.id}/r${i}`,
        paths: benchCase.paths,
      });
      if (files !== benchCase.files || bytes !== benchCase.bytes) {
        throw new Error(
          `${benchCase.id}: sent ${files} files and ${bytes} bytes, expected ${benchCase.files} and ${benchCase.bytes}`,
        );
      }
      repetitions.push(repetition);
    }
    const output: WorkerOutput = {
      caseId: benchCase.id,
      repetitions,
      floorRssBytes,
      maxRssBytes: kernelPeakRss(),
    };
    process.stdout.write(`${RESULT_MARKER}${JSON.stringify(output)}\n`);
  } finally {
    s3.destroy();
    credentials.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
