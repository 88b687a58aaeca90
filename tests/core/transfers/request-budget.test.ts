import { writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestBudget } from '../../../src-main/core/transfers/budget';
import { createTransferEngine } from '../../../src-main/core/transfers/engine';
import { MiB, testConfig, useStandInWithSourceFolder, demoIdentity } from './fixture';

/** A pass-through proxy in front of the stand-in that remembers the most requests it saw at once. */
function countingProxy(upstream: string): Promise<{
  server: Server;
  url: string;
  peak: () => number;
  seen: () => number;
  resetPeak: () => void;
}> {
  const target = new URL(upstream);
  let inFlight = 0;
  let peak = 0;
  let seen = 0;
  const server = createServer((req, res) => {
    inFlight++;
    seen++;
    peak = Math.max(peak, inFlight);
    let done = false;
    const end = () => {
      if (!done) inFlight--;
      done = true;
    };
    const out = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
        up.on('end', end);
      },
    );
    out.on('error', () => {
      end();
      res.destroy();
    });
    res.on('close', end);
    req.pipe(out);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        server,
        url: `http://127.0.0.1:${port}`,
        peak: () => peak,
        seen: () => seen,
        resetPeak: () => (peak = inFlight),
      });
    }),
  );
}

describe('one request budget for files and parts', () => {
  const env = useStandInWithSourceFolder();
  let proxy: Awaited<ReturnType<typeof countingProxy>>;
  beforeAll(async () => {
    proxy = await countingProxy(env.la.info.endpoint);
  });
  afterAll(() => new Promise<void>((resolve) => proxy.server.close(() => resolve())));

  /** Uploads `paths` through the counting proxy with `parallelTransfers`; all must complete. */
  async function uploadThroughProxy(paths: string[], parallelTransfers: number, journal: string) {
    const identity = await demoIdentity(env.la);
    const config = testConfig(env.la, {
      parallelTransfers,
      // An old config's pair caps the budget by its product: set it out of the way.
      concurrency: 16,
      partConcurrency: 16,
      conflictPolicy: 'overwrite',
    });
    const engine = createTransferEngine({
      config: { ...config, endpoints: { s3: proxy.url } },
      identityId: identity.identityId,
      credentials: identity.credentials,
      forceRefresh: async () => undefined,
      journalDir: join(env.src, journal),
      retry: { baseDelayMs: 20, maxDelayMs: 400 },
    });
    try {
      await engine.enqueue(paths);
      await engine.whenIdle();
      expect(engine.snapshot().items.every((i) => i.state === 'completed')).toBe(true);
    } finally {
      await engine.close();
    }
  }

  it('never has more than parallelTransfers requests in flight across small files and parts', async () => {
    const paths: string[] = [];
    for (let i = 0; i < 12; i++) {
      const path = join(env.src, `small-${i}.bin`);
      writeFileSync(path, Buffer.alloc(64 * 1024, i));
      paths.push(path);
    }
    const big = join(env.src, 'big.bin');
    writeFileSync(big, Buffer.alloc(21 * MiB, 7));
    paths.push(big);

    await uploadThroughProxy(paths, 3, 'journal');
    // 12 PutObjects plus create, 5 parts and complete for the big file all went through.
    expect(proxy.seen()).toBeGreaterThanOrEqual(19);
    expect(proxy.peak()).toBeLessThanOrEqual(3);
  });

  it('lets many small files use the whole budget, while one big file sends at most eight parts', async () => {
    // Latency keeps requests overlapping, so the peaks below are what the engine allows.
    await env.la.setFaults({ latencyMs: 150 });
    const run = async (paths: string[]) => {
      const before = { seen: proxy.seen() };
      proxy.resetPeak();
      await uploadThroughProxy(paths, 32, 'journal-wide');
      return { peak: proxy.peak(), requests: proxy.seen() - before.seen };
    };
    try {
      const smalls = Array.from({ length: 24 }, (_, i) => {
        const path = join(env.src, `wide-${i}.bin`);
        writeFileSync(path, Buffer.alloc(1024, i));
        return path;
      });
      const small = await run(smalls);
      expect(small.peak).toBeGreaterThan(8);

      const big = join(env.src, 'many-parts.bin');
      writeFileSync(big, Buffer.alloc(60 * MiB, 3));
      const parts = await run([big]);
      expect(parts.requests).toBeGreaterThanOrEqual(12 + 2);
      expect(parts.peak).toBeLessThanOrEqual(8);
    } finally {
      await env.la.setFaults({ latencyMs: 0 });
    }
  });

  it('hands freed slots to waiters in order and applies a new limit', async () => {
    const budget = new RequestBudget(1);
    const order: number[] = [];
    let release: () => void = () => undefined;
    const first = budget.run(() =>
      new Promise<void>((r) => (release = r)).then(() => order.push(1)),
    );
    const second = budget.run(async () => order.push(2));
    const third = budget.run(async () => order.push(3));
    budget.setLimit(2);
    await second;
    release();
    await Promise.all([first, third]);
    expect(order[0]).toBe(2);
    expect(order.sort()).toEqual([1, 2, 3]);
  });
});
