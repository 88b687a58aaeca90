import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalAws, type RunningLocalAws, type StartOptions } from '../../local-aws/server';
import { defaultSetup } from '../../local-aws/setup/default-setup';
import { LocalAwsSetup } from '../../local-aws/setup/schema';
import { CA_DIR_ENV } from '../../local-aws/tls';

export interface TestLocalAws extends RunningLocalAws {
  dataDir: string;
  /** The https endpoint and the run's test CA that signed its certificate (always on in tests). */
  tls: { endpoint: string; caFile: string };
  /** Stops the server and starts a new one on the same data folder (a fresh port). */
  restart(): Promise<TestLocalAws>;
  /** Stops the server and deletes its data folder. */
  dispose(): Promise<void>;
  /** Sets fault injection (merged into the current settings) through the admin endpoint. */
  setFaults(patch: Record<string, unknown>): Promise<void>;
}

/** The CA folder the run's global setup made, so that this worker trusts every stand-in. */
function testCaDir(): string {
  const dir = process.env[CA_DIR_ENV];
  if (!dir)
    throw new Error(
      `${CA_DIR_ENV} is unset: run tests with vitest, whose global setup (tests/setup/test-ca.ts) makes the test CA`,
    );
  return dir;
}

/** Starts a fresh local-aws (http and https, free ports) with a temporary data folder. */
export async function startTestLocalAws(
  setup: LocalAwsSetup | ((base: LocalAwsSetup) => unknown) = defaultSetup(),
  dataDir = mkdtempSync(join(tmpdir(), 'hakobu-local-aws-')),
  options: Pick<StartOptions, 'tokenIssuer'> = {},
): Promise<TestLocalAws> {
  const resolved = typeof setup === 'function' ? LocalAwsSetup.parse(setup(defaultSetup())) : setup;
  const running = await startLocalAws({
    dataDir,
    port: 0,
    httpsPort: 0,
    caDir: testCaDir(),
    setup: resolved,
    ...options,
  });
  const { httpsEndpoint, caFile } = running.info;
  if (!httpsEndpoint || !caFile) throw new Error('local-aws started without https');
  const self: TestLocalAws = {
    ...running,
    dataDir,
    tls: { endpoint: httpsEndpoint, caFile },
    restart: async () => {
      await running.close();
      return startTestLocalAws(resolved, dataDir, options);
    },
    dispose: async () => {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
    setFaults: async (patch) => {
      const res = await fetch(`${running.info.endpoint}/_local-aws/faults`, {
        method: 'PUT',
        body: JSON.stringify(patch),
      });
      if (!res.ok) throw new Error(`setFaults failed: ${res.status} ${await res.text()}`);
    },
  };
  return self;
}
