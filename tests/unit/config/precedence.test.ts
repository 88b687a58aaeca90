import { describe, expect, it, vi } from 'vitest';
import { loadConfig, SETTING_PATHS } from '../../../src-main/core/config';
import { configSandbox, expectFailed, expectLoaded, LOCAL_AWS_CONFIG } from './helpers';

const { locations: _locations, ...cognito } = LOCAL_AWS_CONFIG;

describe('configuration sources and precedence', () => {
  it('takes each key from the highest source: managed, then user, then HAKOBU_CONFIG, then defaults', () => {
    const box = configSandbox();
    box.write(box.env, {
      ...LOCAL_AWS_CONFIG,
      transfers: { concurrency: 7, partConcurrency: 6, partSizeMiB: 64 },
      ui: { language: 'en' },
    });
    box.write(box.user, {
      transfers: { concurrency: 2, partConcurrency: 5 },
      ui: { theme: 'dark' },
    });
    box.write(box.managed, { transfers: { concurrency: 1 } });
    const { config, origins } = expectLoaded(box.load({ withEnvFile: true }));

    // Objects merge per key: each transfers.* comes from its own highest source.
    expect(config.transfers).toEqual({
      concurrency: 1,
      partConcurrency: 5,
      partSizeMiB: 64,
      conflictPolicy: 'ask',
    });
    expect(config.ui).toEqual({ language: 'en', theme: 'dark' });
    expect(origins['transfers.concurrency']).toEqual({
      source: 'managed',
      file: box.managed,
      locked: true,
    });
    expect(origins['transfers.partConcurrency']).toEqual({
      source: 'user',
      file: box.user,
      locked: false,
    });
    expect(origins['transfers.partSizeMiB']).toEqual({
      source: 'env',
      file: box.env,
      locked: false,
    });
    expect(origins['transfers.conflictPolicy']).toEqual({
      source: 'default',
      file: null,
      locked: false,
    });
    expect(origins.clientId?.source).toBe('env');
  });

  it('lists an origin for every setting, so the Settings screen can show each one', () => {
    const box = configSandbox();
    box.write(box.user, LOCAL_AWS_CONFIG);
    const { origins } = expectLoaded(box.load());
    expect(Object.keys(origins).sort()).toEqual([...SETTING_PATHS].sort());
    expect(SETTING_PATHS).toContain('ui.theme');
    expect(SETTING_PATHS).toContain('locations');
  });

  it('replaces lists instead of merging them', () => {
    const box = configSandbox();
    box.write(box.env, {
      ...LOCAL_AWS_CONFIG,
      locations: [
        { name: 'A', bucket: 'bucket-a' },
        { name: 'B', bucket: 'bucket-b' },
      ],
    });
    box.write(box.user, { locations: [{ name: 'C', bucket: 'bucket-c' }] });
    const { config, origins } = expectLoaded(box.load({ withEnvFile: true }));
    expect(config.locations.map((l) => l.name)).toEqual(['C']);
    expect(origins.locations?.source).toBe('user');
  });

  it('locks every key the managed file sets, and warns when the user file tries to override one', () => {
    const box = configSandbox();
    box.write(box.managed, { ...cognito, locations: [{ name: 'Corp', bucket: 'corp-bucket' }] });
    box.write(box.user, {
      locations: [{ name: 'Mine', bucket: 'my-bucket' }],
      ui: { theme: 'light' },
    });
    const { config, origins, warnings } = expectLoaded(box.load());
    expect(config.locations.map((l) => l.name)).toEqual(['Corp']);
    expect(origins.locations?.locked).toBe(true);
    expect(origins.region?.locked).toBe(true);
    expect(origins['ui.theme']?.locked).toBe(false);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      code: 'CONFIG_LOCKED_KEY_IGNORED',
      file: box.user,
      field: 'locations',
      severity: 'warning',
    });
    expect(warnings[0]?.message).toContain(`locked to`);
    expect(warnings[0]?.message).toContain(box.managed);
  });

  it('reads the managed file from HAKOBU_MANAGED_CONFIG and the extra file from HAKOBU_CONFIG', () => {
    const box = configSandbox();
    box.write(box.managed, { ui: { language: 'ja' } });
    box.write(box.env, LOCAL_AWS_CONFIG);
    vi.stubEnv('HAKOBU_MANAGED_CONFIG', box.managed);
    vi.stubEnv('HAKOBU_CONFIG', box.env);
    try {
      const loaded = expectLoaded(loadConfig({ userConfigPath: box.user }));
      expect(loaded.config.ui.language).toBe('ja');
      expect(loaded.origins['ui.language']?.locked).toBe(true);
      expect(loaded.sources).toEqual([
        { kind: 'managed', path: box.managed, found: true },
        { kind: 'user', path: box.user, found: false },
        { kind: 'env', path: box.env, found: true },
      ]);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('uses --config instead of HAKOBU_CONFIG when the CLI is given one', () => {
    const box = configSandbox();
    box.write(box.env, { ...LOCAL_AWS_CONFIG, ui: { language: 'en' } });
    const cli = box.write(`${box.dir}/cli.json`, { ...LOCAL_AWS_CONFIG, ui: { language: 'ja' } });
    const { config, origins } = expectLoaded(
      loadConfig({ ...box.options({ withEnvFile: true }), configPath: cli }),
    );
    expect(config.ui.language).toBe('ja');
    expect(origins['ui.language']?.file).toBe(cli);
  });

  it('says so when HAKOBU_CONFIG names a file that does not exist', () => {
    const box = configSandbox();
    box.write(box.user, LOCAL_AWS_CONFIG);
    const errors = expectFailed(box.load({ withEnvFile: true }));
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'CONFIG_FILE_NOT_FOUND',
        file: box.env,
        fix: 'Correct the path in HAKOBU_CONFIG, or stop setting HAKOBU_CONFIG.',
      }),
    ]);
  });

  it('names the file each bad value came from, and the other file when a check spans two', () => {
    const box = configSandbox();
    box.write(box.managed, { userPoolId: 'eu-west-1_AbCdEf123' });
    box.write(box.user, LOCAL_AWS_CONFIG);
    const errors = expectFailed(box.load());
    expect(errors).toHaveLength(1);
    expect(errors[0]?.file).toBe(box.managed);
    expect(errors[0]?.message).toBe(
      `userPoolId "eu-west-1_AbCdEf123" is in region eu-west-1 but region is ap-northeast-1 (set in ${box.user}).`,
    );
  });

  it('reports problems in every file at once', () => {
    const box = configSandbox();
    box.write(box.managed, '{ "region": }');
    box.write(box.user, { ...LOCAL_AWS_CONFIG, clientId: 'short' });
    const errors = expectFailed(box.load());
    expect(errors.map((e) => [e.file, e.code])).toEqual([
      [box.user, 'CONFIG_CLIENT_ID_INVALID'],
      [box.managed, 'CONFIG_JSON_MALFORMED'],
    ]);
  });
});
