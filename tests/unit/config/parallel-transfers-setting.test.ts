import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SettingsPatch } from '../../../src-main/contract/channels';
import { settingsView } from '../../../src-main/core/api/views';
import { formatConfigProblem, saveUserConfig } from '../../../src-main/core/config';
import { DEFAULT_PARALLEL_TRANSFERS } from '../../../src-main/core/transfers/budget';
import {
  configSandbox,
  expectFailed,
  expectLoaded,
  LOCAL_AWS_CONFIG,
  type ConfigSandbox,
} from './helpers';

// Issue 9 item 3: one "parallel transfers" setting (1-64) replaces the files x parts pair in the
// UI and the contract; the old keys still load from files, and IT's still cap the budget.

/** A sandbox whose Cognito settings come from HAKOBU_CONFIG, as when pointing at local-aws. */
function sandbox(): ConfigSandbox {
  const box = configSandbox();
  box.write(box.env, LOCAL_AWS_CONFIG);
  return box;
}

const load = (box: ConfigSandbox) => expectLoaded(box.load({ withEnvFile: true }));
const view = (box: ConfigSandbox) => settingsView(load(box));
const parallel = (box: ConfigSandbox) => ({
  value: view(box).values.transfers.parallelTransfers,
  source: view(box).sources['transfers.parallelTransfers'],
});

afterEach(() => vi.unstubAllEnvs());

describe('the parallelTransfers setting in config files', () => {
  it('has no schema default, and the old pair no longer defaults to 3 and 4', () => {
    const { config } = load(sandbox());
    expect(config.transfers.parallelTransfers).toBeUndefined();
    expect(config.transfers.concurrency).toBeUndefined();
    expect(config.transfers.partConcurrency).toBeUndefined();
  });

  it.each([1, 24, 64])('accepts %i', (value) => {
    const box = sandbox();
    box.write(box.user, { transfers: { parallelTransfers: value } });
    expect(load(box).config.transfers.parallelTransfers).toBe(value);
  });

  it('still loads an old file that sets concurrency and partConcurrency', () => {
    const box = sandbox();
    box.write(box.user, { transfers: { concurrency: 2, partConcurrency: 3 } });
    const { config, warnings } = load(box);
    expect(warnings).toEqual([]);
    expect(config.transfers).toMatchObject({ concurrency: 2, partConcurrency: 3 });
  });

  it.each([0, 65, 2.5, '8'])('refuses %j, naming the field, the range and the fix', (value) => {
    const box = sandbox();
    box.write(box.user, { transfers: { parallelTransfers: value } });
    const errors = expectFailed(box.load({ withEnvFile: true }));
    expect(errors).toHaveLength(1);
    const [error] = errors;
    if (!error) throw new Error('unreachable');
    expect(error.code).toBe('CONFIG_INVALID_VALUE');
    expect(error.field).toBe('transfers.parallelTransfers');
    expect(error.file).toBe(box.user);
    const text = formatConfigProblem(error);
    expect(text).toContain('transfers.parallelTransfers is ');
    expect(text).toContain('a whole number of files or parts sent at once, from 1 to 64');
    expect(text).toContain('set a whole number from 1 to 64, without quotes.');
  });
});

describe('what the Settings screen is shown', () => {
  it('shows the engine default when nothing sets it', () => {
    expect(parallel(sandbox())).toEqual({
      value: DEFAULT_PARALLEL_TRANSFERS,
      source: { source: 'default', locked: false },
    });
    expect(view(sandbox()).values.transfers).not.toHaveProperty('concurrency');
  });

  it("shows the user's value, and IT's as locked", () => {
    const box = sandbox();
    box.write(box.user, { transfers: { parallelTransfers: 24 } });
    expect(parallel(box)).toEqual({ value: 24, source: { source: 'user', locked: false } });
    box.write(box.managed, { transfers: { parallelTransfers: 4 } });
    expect(parallel(box)).toEqual({ value: 4, source: { source: 'managed', locked: true } });
  });

  it('shows the cap an IT file sets with the old pair, as locked', () => {
    const box = sandbox();
    box.write(box.user, { transfers: { parallelTransfers: 24 } });
    box.write(box.managed, { transfers: { concurrency: 2, partConcurrency: 3 } });
    expect(parallel(box)).toEqual({ value: 6, source: { source: 'managed', locked: true } });
  });

  it('names the environment variable when HAKOBU_PARALLEL_TRANSFERS overrides the files', () => {
    vi.stubEnv('HAKOBU_PARALLEL_TRANSFERS', '5');
    const box = sandbox();
    box.write(box.user, { transfers: { parallelTransfers: 24 } });
    expect(parallel(box)).toEqual({ value: 5, source: { source: 'env', locked: false } });
  });
});

describe('saving parallel transfers', () => {
  const save = (box: ConfigSandbox, patch: Record<string, unknown>) =>
    saveUserConfig({ ...box.options({ withEnvFile: true }), patch });

  it("replaces the user's own old pair, which would otherwise keep capping it", () => {
    const box = sandbox();
    box.write(box.user, {
      ui: { theme: 'dark' },
      transfers: { concurrency: 3, partConcurrency: 4 },
    });
    expect(parallel(box).value).toBe(Math.min(12, DEFAULT_PARALLEL_TRANSFERS));
    expect(save(box, { transfers: { parallelTransfers: 24 } }).ok).toBe(true);
    expect(JSON.parse(readFileSync(box.user, 'utf8'))).toEqual({
      ui: { theme: 'dark' },
      transfers: { parallelTransfers: 24 },
    });
    expect(parallel(box)).toEqual({ value: 24, source: { source: 'user', locked: false } });
  });

  it("leaves IT's old pair in charge of the cap", () => {
    const box = sandbox();
    box.write(box.managed, { transfers: { concurrency: 1, partConcurrency: 2 } });
    expect(save(box, { transfers: { parallelTransfers: 24 } }).ok).toBe(true);
    expect(parallel(box)).toEqual({ value: 2, source: { source: 'managed', locked: true } });
  });

  it('is what the window may send: 1-64, and never the old keys', () => {
    expect(SettingsPatch.safeParse({ transfers: { parallelTransfers: 64 } }).success).toBe(true);
    for (const transfers of [
      { parallelTransfers: 0 },
      { parallelTransfers: 65 },
      { parallelTransfers: 1.5 },
      { concurrency: 2 },
      { partConcurrency: 2 },
    ])
      expect(SettingsPatch.safeParse({ transfers }).success, JSON.stringify(transfers)).toBe(false);
  });
});
