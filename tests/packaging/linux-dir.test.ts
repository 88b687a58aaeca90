// The packaging smoke test: builds Hakobu for Linux (`dir` and `tar.gz`) with the project's own
// electron-builder.yml, offline, against a stand-in Electron, and checks what a release would ship.
import { extractAll, extractFile, listPackage } from '@electron/asar';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { NODE_BUNDLE } from '../../scripts/bundle-options';
import { SIGNING_VARIABLES } from '../../scripts/release/signing-plan';
import { sevenZip } from './seven-zip';
import { stageProject } from './stage-project';
import { writeStandInElectron } from './stand-in-electron';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const readJson = async <T>(path: string) => JSON.parse(await readFile(path, 'utf8')) as T;
const pkg = await readJson<{ version: string; main: string; devDependencies: object }>(
  join(root, 'package.json'),
);
const electron = await readJson<{ version: string }>(
  join(root, 'node_modules/electron/package.json'),
);
const builderYml = parse(await readFile(join(root, 'electron-builder.yml'), 'utf8')) as {
  directories: object;
  electronFuses: unknown;
};

/** The fuses README's security section promises, under electron-builder.yml's names. */
const FUSE_POLICY = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
} as const;
const FUSE_INDEX: Record<keyof typeof FUSE_POLICY, FuseV1Options> = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
};

let work = '';
let appDir = '';
let asar = '';
/** Every path in the package, app.asar's and app.asar.unpacked's alike, relative to the app. */
let shipped: string[] = [];

/** Runs a Node script of the checkout's node_modules in `cwd`, failing with its output. */
async function runNode(script: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  try {
    return await run(process.execPath, [join(root, script), ...args], {
      cwd,
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${script} ${args.join(' ')} failed:\n${stdout}\n${stderr}`, { cause: error });
  }
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'hakobu-packaging-'));
  const stage = await stageProject(root, join(work, 'project'));
  const electronDist = await writeStandInElectron(join(work, 'electron-dist'), electron.version);
  const out = join(work, 'out');
  appDir = join(out, 'linux-unpacked');
  asar = join(appDir, 'resources/app.asar');

  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of SIGNING_VARIABLES) delete env[name];
  Object.assign(env, {
    CSC_IDENTITY_AUTO_DISCOVERY: 'false',
    ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
    // Caches inside the temp folder: this run neither reuses nor leaves anything.
    ELECTRON_BUILDER_CACHE: join(work, 'cache'),
    ELECTRON_CACHE: join(work, 'cache'),
    // Debian's 7-Zip for tar.gz, instead of the one electron-builder would download.
    ELECTRON_BUILDER_7ZIP_PATH: sevenZip(),
  });
  const tsx = 'node_modules/tsx/dist/cli.mjs';
  await runNode(tsx, ['scripts/icons/build-icons.ts'], stage, env);
  await runNode(tsx, ['scripts/build.ts'], stage, env);
  // What a developer may leave lying around: a release must carry none of it.
  await writeFile(join(stage, '.env'), 'HAKOBU_PLANTED=secret\n');
  await writeFile(join(stage, 'dist/main/.env.local'), 'HAKOBU_PLANTED=secret\n');

  // The project's configuration as it is, pointed at the stand-in. No npm rebuild: rebuilding
  // keytar for Electron needs Electron's headers from the network (a real release does it).
  // Stored, not compressed, archives: the level is not what is checked, and it cost 13 s of CPU.
  const config = join(work, 'electron-builder.json');
  const directories = { ...builderYml.directories, output: out };
  await writeFile(
    config,
    JSON.stringify({
      ...builderYml,
      directories,
      electronDist,
      npmRebuild: false,
      compression: 'store',
    }),
  );
  // The arch node_modules was installed for: sharp's native package is per arch.
  const arch = process.arch === 'arm64' ? '--arm64' : '--x64';
  const targets = ['--linux', 'dir', 'tar.gz', arch, '--publish', 'never'];
  await runNode(
    'node_modules/electron-builder/cli.js',
    ['--projectDir', stage, '--config', config, ...targets],
    stage,
    env,
  );

  const unpacked = await readdir(`${asar}.unpacked`, { recursive: true });
  shipped = [
    ...listPackage(asar, { isPack: false }).map((entry) => entry.replace(/^[\\/]/, '')),
    ...unpacked,
  ].map((entry) => entry.replaceAll('\\', '/'));
}, 300_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the Linux package a release would ship', () => {
  it("holds the built main, preload and renderer, and its package.json's main is one of them", () => {
    for (const bundle of [
      'dist/main/main.cjs',
      'dist/main/thumbnail-helper.cjs',
      'dist/preload/preload.cjs',
      'dist/renderer/index.html',
    ]) {
      expect(shipped).toContain(bundle);
    }
    expect(shipped.some((entry) => /^dist\/renderer\/assets\/index-[\w-]+\.js$/.test(entry))).toBe(
      true,
    );
    const packaged = JSON.parse(extractFile(asar, 'package.json').toString()) as { main: string };
    expect(packaged.main).toBe(pkg.main);
    expect(shipped).toContain(packaged.main);
  });

  it("keeps keytar's and sharp's native files in app.asar.unpacked", async () => {
    const native = (await readdir(`${asar}.unpacked`, { recursive: true })).filter((file) =>
      /\.node$/.test(file),
    );
    expect(native).toContainEqual(expect.stringMatching(/^node_modules\/keytar\/.*\.node$/));
    expect(native).toContainEqual(
      expect.stringMatching(/^node_modules\/@img\/sharp-linux-[\w-]+\/.*\.node$/),
    );
  });

  it('loads every module the bundles leave out (the native ones) from the package alone', async () => {
    const extracted = join(work, 'extracted');
    extractAll(asar, extracted);
    const runtime = NODE_BUNDLE.external.filter((name) => name !== 'electron');
    expect(runtime.length).toBeGreaterThan(0);
    // A child Node in a folder outside the checkout, so nothing resolves from its node_modules.
    const probe = `for (const name of ${JSON.stringify(runtime)}) require(require.resolve(name, { paths: [process.cwd()] }));`;
    await expect(run(process.execPath, ['-e', probe], { cwd: extracted })).resolves.toBeDefined();
  });

  it('carries no tests, .env files, source maps, local-aws, sources or dev dependencies', () => {
    const devDependencies = Object.keys(pkg.devDependencies);
    const offending = shipped.filter(
      (entry) =>
        /(^|\/)(tests?|__tests__)(\/|$)|\.(test|spec)\.[cm]?[jt]sx?$/.test(entry) ||
        /(^|\/)\.env/.test(entry) ||
        entry.endsWith('.map') ||
        /(^|\/)local-aws(\/|$)/.test(entry) ||
        /^(src-main|src-renderer|scripts|bench)(\/|$)/.test(entry) ||
        devDependencies.some(
          (name) => entry === `node_modules/${name}` || entry.startsWith(`node_modules/${name}/`),
        ),
    );
    expect(offending).toEqual([]);
  });

  it('flips the Electron fuses the security policy asks for, and the config says the same', async () => {
    expect(builderYml.electronFuses).toEqual(FUSE_POLICY);
    const wire = await getCurrentFuseWire(join(appDir, 'hakobu'));
    for (const [name, enabled] of Object.entries(FUSE_POLICY)) {
      const state = wire[FUSE_INDEX[name as keyof typeof FUSE_POLICY]];
      expect({ name, state }).toEqual({
        name,
        state: enabled ? FuseState.ENABLE : FuseState.DISABLE,
      });
    }
  });

  it('packs the same app into the tar.gz', async () => {
    const archives = (await readdir(join(work, 'out'))).filter((name) => name.endsWith('.tar.gz'));
    expect(archives).toEqual([expect.stringMatching(new RegExp(`^hakobu-${pkg.version}`))]);
    const archive = archives[0] ?? '';
    const { stdout } = await run('tar', ['-tzf', join(work, 'out', archive)]);
    const folder = archive.replace(/\.tar\.gz$/, '');
    const entries = stdout.split('\n');
    expect(entries).toContain(`${folder}/hakobu`);
    expect(entries).toContain(`${folder}/resources/app.asar`);
  });
});
