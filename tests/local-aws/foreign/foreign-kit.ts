import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { useFileFixture } from '../../helpers/file-fixture';
import { demoCredentials, type IdentityCredentials } from '../../helpers/identity';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';

const execFileAsync = promisify(execFile);
const MiB = 1024 * 1024;

/**
 * How a foreign client reaches the stand-in: over https, as it reaches AWS, told to trust the test
 * run's CA by the client's own setting (--ca-bundle, AWS_CA_BUNDLE, --ca-cert, ca_certs_file).
 * Verification stays on in every client.
 */
export interface ForeignEndpoint {
  url: string;
  /** host:port, for clients configured by host rather than URL (s3cmd). */
  host: string;
  scheme: 'https';
  /** The CA certificate (PEM) that signed the stand-in's certificate. */
  caBundle: string;
}

/** One fresh stand-in, the demo user's temporary credentials and a scratch folder used as HOME. */
export interface ForeignStandIn {
  la: TestLocalAws;
  me: IdentityCredentials;
  endpoint: ForeignEndpoint;
  /** Empty at the start; every client's HOME and temp files live here. */
  scratch: string;
  /** `<identityId>/`: the only prefix the demo user's role may touch. */
  prefix: string;
}

/** Starts a stand-in for one test file and signs the demo user in (session token included). */
export function useForeignStandIn(): () => ForeignStandIn {
  return useFileFixture(
    async () => {
      const la = await startTestLocalAws();
      const me = await demoCredentials(la);
      const url = new URL(la.tls.endpoint);
      return {
        la,
        me,
        endpoint: {
          url: la.tls.endpoint,
          host: url.host,
          scheme: 'https' as const,
          caBundle: la.tls.caFile,
        },
        scratch: mkdtempSync(join(tmpdir(), 'hakobu-foreign-')),
        prefix: `${me.identityId}/`,
      };
    },
    async ({ la, scratch }) => {
      await la.dispose();
      rmSync(scratch, { recursive: true, force: true });
    },
  );
}

/** The first of `candidates` that exists and is executable, if any. */
export function findExecutable(...candidates: string[]): string | undefined {
  return candidates.find((path) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Only what a program needs to run: nothing of the caller's environment (AWS_* profiles,
 * RCLONE_*, a developer's ~/.s3cfg) leaks into a client, so every run sees the same setup.
 */
export function cleanEnv(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    LANG: 'C.UTF-8',
    TMPDIR: home,
    ...extra,
  };
}

/** What a finished client run printed. */
export interface ClientRun {
  stdout: string;
  stderr: string;
}

/**
 * Runs a client to completion. A failure throws with the client's own output, so a broken run
 * says what the client saw instead of only an exit code.
 */
export async function runClient(
  command: string,
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; cwd?: string },
): Promise<ClientRun> {
  try {
    const { stdout, stderr } = await execFileAsync(command, args, {
      env: options.env,
      cwd: options.cwd ?? options.env.HOME,
      maxBuffer: 32 * MiB,
    });
    return { stdout, stderr };
  } catch (error) {
    const failed = error as Error & { stdout?: string; stderr?: string };
    throw new Error(
      `${command} ${args.join(' ')} failed: ${failed.message}\n--- stdout\n${failed.stdout ?? ''}\n--- stderr\n${failed.stderr ?? ''}`,
      { cause: error },
    );
  }
}

/** Prints which client version a suite ran, so a CI log says what was actually tested. */
export function announceVersion(client: string, version: string): void {
  console.log(`foreign client: ${client} ${version}`);
}
