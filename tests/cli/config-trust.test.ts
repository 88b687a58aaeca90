import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { NODE_BUNDLE } from '../../scripts/bundle-options';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseDefine } from '../../scripts/release-define';
import { startTestLocalAws, type TestLocalAws } from '../helpers/local-aws';
import { loggedRequests } from '../helpers/request-log';
import { demoUser } from '../helpers/sign-in';
import { newMachine, runCli, type CliMachine, type CliResult } from './cli-harness';

// What a config file cannot do to the user: send their tokens to a host that is neither AWS nor
// this computer, or (in the released command) swap IT's managed file for one of its own.

const REPO = fileURLToPath(new URL('../..', import.meta.url));
// Never resolves (.example is reserved), so even code that ignored the rule could not deliver.
const CATCHER = 'http://hakobu-catcher.example:8080';

let la: TestLocalAws;
let released: string;
const scratch: string[] = [];

/** Builds the `hakobu` command as scripts/build.ts ships it, into a folder of its own. */
async function buildReleasedCli(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'hakobu-released-cli-'));
  scratch.push(dir);
  // keytar and sharp stay external, as in the real bundle; let them resolve from this checkout.
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const outfile = join(dir, 'hakobu.mjs');
  await build({
    ...NODE_BUNDLE,
    entryPoints: [join(REPO, 'src-main/cli/hakobu.ts')],
    outfile,
    format: 'esm',
    define: releaseDefine({}),
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __hakobuRequire } from 'node:module';\nconst require = __hakobuRequire(import.meta.url);",
    },
  });
  return outfile;
}

/** Runs a built `hakobu` bundle on a machine, with stdin closed. */
function runBundle(bundle: string, machine: CliMachine, args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bundle, ...args], {
      cwd: machine.home,
      env: machine.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** A machine whose HAKOBU_CONFIG is the stand-in's, with some endpoints changed. */
function machineWithEndpoints(endpoints: Record<string, string>): CliMachine {
  const machine = newMachine(la);
  const config = JSON.parse(readFileSync(la.info.appConfig, 'utf8')) as Record<string, unknown>;
  const file = join(machine.home, 'hakobu.config.json');
  const current = config.endpoints as Record<string, string>;
  writeFileSync(file, JSON.stringify({ ...config, endpoints: { ...current, ...endpoints } }));
  return { ...machine, env: { ...machine.env, HAKOBU_CONFIG: file } };
}

beforeAll(async () => {
  la = await startTestLocalAws();
  released = await buildReleasedCli();
});
afterAll(async () => {
  await la.dispose();
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

describe('a config that points endpoints away from AWS', () => {
  it.each(['cognitoIdentity', 'cognitoIdp'])(
    'is refused before any request when endpoints.%s names another host',
    async (field) => {
      const machine = machineWithEndpoints({ [field]: CATCHER });
      const { username, password } = demoUser(la);
      const login = await runCli(machine, ['login', '--username', username, '--password-stdin'], {
        input: `${password}\n`,
      });

      expect(login.code).toBe(1);
      expect(login.stderr).toContain(
        `endpoints.${field} "${CATCHER}" points at hakobu-catcher.example, which is neither an Amazon Cognito`,
      );
      expect(login.stderr).toContain('Remove it to use AWS itself');
      // The stand-in still serves the other endpoints: had the sign-in started, it would show here.
      expect(loggedRequests(la)).toEqual([]);
    },
  );
});

describe('HAKOBU_MANAGED_CONFIG', () => {
  /** A machine whose HAKOBU_MANAGED_CONFIG names a file that does not even parse. */
  function machineWithBrokenManagedFile() {
    const machine = newMachine(la);
    const managed = join(machine.home, 'my-own-managed.json');
    writeFileSync(managed, '{ "endpoints": ');
    return {
      machine: { ...machine, env: { ...machine.env, HAKOBU_MANAGED_CONFIG: managed } },
      managed,
    };
  }

  it('replaces the managed file when Hakobu runs from source (development and tests)', async () => {
    const { machine, managed } = machineWithBrokenManagedFile();
    const whoami = await runCli(machine, ['whoami']);
    expect(whoami.code).toBe(1);
    expect(whoami.stderr).toContain(`${managed}: is not valid JSON`);
  });

  it('is ignored by the released command, so a user cannot replace what IT locked', async () => {
    const { machine, managed } = machineWithBrokenManagedFile();
    const whoami = await runBundle(released, machine, ['whoami']);
    expect(whoami.stderr).not.toContain(managed);
    expect(whoami.stderr).toContain('Run `hakobu login`');
  });
});
