import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliMachine } from './cli-harness';

// `hakobu config show` is how IT (and a user) sees what a machine runs with: each setting's value,
// which file set it, and whether IT locked it; --json for fleet scripts.

const CONNECTION = {
  region: 'ap-northeast-1',
  userPoolId: 'ap-northeast-1_AbCdEf123',
  clientId: 'abcdefghij0123456789klmnop',
  identityPoolId: 'ap-northeast-1:1a2b3c4d-0000-4000-8000-123456789abc',
  locations: [{ name: 'Corp', bucket: 'corp-bucket' }],
};
const FEED = 'https://updates.corp.example/hakobu/';

const homes: string[] = [];
afterAll(() => homes.forEach((home) => rmSync(home, { recursive: true, force: true })));

/** A machine with a managed, a user and a HAKOBU_CONFIG file (each written only if given). */
function machineWith(files: { managed?: unknown; user?: unknown; env?: unknown }) {
  const home = mkdtempSync(join(tmpdir(), 'hakobu-config-show-'));
  homes.push(home);
  const configHome = join(home, '.config');
  const userData = join(configHome, 'Hakobu');
  mkdirSync(userData, { recursive: true });
  const paths = {
    managed: join(home, 'managed', 'config.json'),
    user: join(userData, 'config.json'),
    env: join(home, 'env.json'),
  };
  mkdirSync(join(home, 'managed'));
  for (const kind of ['managed', 'user', 'env'] as const) {
    if (files[kind] !== undefined) writeFileSync(paths[kind], JSON.stringify(files[kind]));
  }
  const { HAKOBU_PARALLEL_TRANSFERS: _ignored, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    HOME: home,
    XDG_CONFIG_HOME: configHome,
    HAKOBU_MANAGED_CONFIG: paths.managed,
    ...(files.env === undefined ? {} : { HAKOBU_CONFIG: paths.env }),
  };
  const machine: CliMachine = { home, userData, env };
  return { machine, paths };
}

interface Shown {
  ok: boolean;
  sources: { kind: string; path: string; found: boolean }[];
  settings: {
    key: string;
    value: unknown;
    source: string;
    file: string | null;
    locked: boolean;
    variable?: string;
  }[];
  warnings: { code: string; file: string; field: string }[];
}

async function showJson(machine: CliMachine, env: NodeJS.ProcessEnv = {}): Promise<Shown> {
  const result = await runCli(machine, ['config', 'show', '--json'], { env });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Shown;
}

const setting = (shown: Shown, key: string) => shown.settings.find((s) => s.key === key);

describe('hakobu config show', () => {
  it('names the source and lock of every setting across managed, user and env files', async () => {
    const { machine, paths } = machineWith({
      managed: { ...CONNECTION, transfers: { parallelTransfers: 8 }, updates: { url: FEED } },
      user: { ui: { language: 'ja' }, transfers: { parallelTransfers: 32 } },
      env: { ui: { theme: 'dark' }, updates: { enabled: false } },
    });
    const shown = await showJson(machine);

    expect(shown.sources.map((s) => [s.kind, s.path, s.found])).toEqual([
      ['managed', paths.managed, true],
      ['user', paths.user, true],
      ['env', paths.env, true],
    ]);
    expect(setting(shown, 'region')).toEqual({
      key: 'region',
      value: 'ap-northeast-1',
      source: 'managed',
      file: paths.managed,
      locked: true,
    });
    expect(setting(shown, 'transfers.parallelTransfers')).toMatchObject({
      value: 8,
      source: 'managed',
      locked: true,
    });
    expect(setting(shown, 'ui.language')).toMatchObject({
      value: 'ja',
      source: 'user',
      file: paths.user,
      locked: false,
    });
    expect(setting(shown, 'ui.theme')).toMatchObject({
      value: 'dark',
      source: 'env',
      file: paths.env,
      locked: false,
    });
    expect(setting(shown, 'transfers.conflictPolicy')).toMatchObject({
      value: 'ask',
      source: 'default',
      file: null,
      locked: false,
    });
    expect(setting(shown, 'updates.url')).toMatchObject({
      value: FEED,
      source: 'managed',
      locked: true,
    });
    expect(setting(shown, 'updates.enabled')).toMatchObject({
      value: true,
      source: 'default',
      locked: true,
    });
    expect(shown.warnings.map((w) => [w.code, w.file, w.field])).toEqual([
      ['CONFIG_LOCKED_KEY_IGNORED', paths.env, 'updates'],
      ['CONFIG_LOCKED_KEY_IGNORED', paths.user, 'transfers.parallelTransfers'],
    ]);
  });

  it('prints a table people can read, with the files first and the warnings last', async () => {
    const { machine, paths } = machineWith({
      managed: { ...CONNECTION, updates: { enabled: false } },
      user: { updates: { enabled: true } },
    });
    const result = await runCli(machine, ['config', 'show']);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Configuration files, highest precedence first:');
    expect(lines.slice(1, 3)).toEqual([`  managed ${paths.managed}`, `  user    ${paths.user}`]);
    expect(lines.find((l) => l.startsWith('updates.enabled '))?.split(/\s+/)).toEqual([
      'updates.enabled',
      'false',
      'managed',
      'locked',
    ]);
    expect(lines.find((l) => l.startsWith('ui.theme '))?.split(/\s+/)).toEqual([
      'ui.theme',
      '"system"',
      'default',
      '-',
    ]);
    expect(result.stdout).toMatch(
      /Warnings:\n.*config\.json: updates is set to \{"enabled":true\} here, but only IT's managed file/,
    );
  });

  it('says when HAKOBU_PARALLEL_TRANSFERS decides parallel transfers', async () => {
    const { machine } = machineWith({
      user: { ...CONNECTION, transfers: { parallelTransfers: 16 } },
    });
    const shown = await showJson(machine, { HAKOBU_PARALLEL_TRANSFERS: '4' });
    expect(setting(shown, 'transfers.parallelTransfers')).toMatchObject({
      value: 4,
      source: 'env',
      file: null,
      variable: 'HAKOBU_PARALLEL_TRANSFERS',
    });
  });

  it('lists the files read and each error when the configuration does not load', async () => {
    const { machine, paths } = machineWith({ user: { region: 'tokyo' } });
    const result = await runCli(machine, ['config', 'show']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`user    ${paths.user}`);
    expect(result.stdout).toContain(`managed ${paths.managed}  (not present)`);
    expect(result.stderr).toContain('region "tokyo" is not an AWS region code');

    const json = await runCli(machine, ['config', 'show', '--json']);
    expect(json.code).toBe(1);
    const shown = JSON.parse(json.stdout) as {
      ok: boolean;
      error: { code: string };
      errors: { code: string; file: string; field: string }[];
    };
    expect(shown.ok).toBe(false);
    expect(shown.error.code).toBe('config.invalid');
    expect(shown.errors[0]).toMatchObject({
      code: 'CONFIG_REGION_INVALID',
      file: paths.user,
      field: 'region',
    });
  });

  it('refuses an unknown action as a usage error', async () => {
    const { machine } = machineWith({});
    const result = await runCli(machine, ['config', 'edit']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown config action: edit');
  });
});
