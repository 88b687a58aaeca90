import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { saveUserConfig, type UserSettingsPatch } from '../../../src-main/core/config';
import { configSandbox, expectLoaded, LOCAL_AWS_CONFIG, type ConfigSandbox } from './helpers';

const save = (box: ConfigSandbox, patch: UserSettingsPatch) =>
  saveUserConfig({ ...box.options({ withEnvFile: true }), patch });

/** A sandbox whose Cognito settings come from HAKOBU_CONFIG, as when pointing at local-aws. */
function sandboxWithCognito(): ConfigSandbox {
  const box = configSandbox();
  box.write(box.env, LOCAL_AWS_CONFIG);
  return box;
}

describe('saving user settings', () => {
  it('creates the user file and folder on first save, and the next load sees the change', () => {
    const box = sandboxWithCognito();
    const result = save(box, { ui: { theme: 'dark' }, transfers: { parallelTransfers: 5 } });
    expect(result.ok).toBe(true);
    expect(JSON.parse(readFileSync(box.user, 'utf8'))).toEqual({
      ui: { theme: 'dark' },
      transfers: { parallelTransfers: 5 },
    });
    const loaded = expectLoaded(box.load({ withEnvFile: true }));
    expect(loaded.config.ui.theme).toBe('dark');
    expect(loaded.origins['transfers.parallelTransfers']).toMatchObject({
      source: 'user',
      file: box.user,
    });
  });

  it('keeps what else the file says, including keys this version does not know', () => {
    const box = sandboxWithCognito();
    box.write(box.user, { ui: { language: 'ja' }, futureSetting: { on: true } });
    expect(save(box, { ui: { theme: 'light' } }).ok).toBe(true);
    expect(JSON.parse(readFileSync(box.user, 'utf8'))).toEqual({
      ui: { language: 'ja', theme: 'light' },
      futureSetting: { on: true },
    });
  });

  it('refuses to change a locked key, names it and the managed file, and writes nothing', () => {
    const box = sandboxWithCognito();
    box.write(box.managed, { transfers: { parallelTransfers: 2 } });
    const before = box.write(box.user, { ui: { theme: 'dark' } });
    const original = readFileSync(before, 'utf8');
    const result = save(box, { ui: { theme: 'light' }, transfers: { parallelTransfers: 8 } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: 'CONFIG_LOCKED_KEY',
        field: 'transfers.parallelTransfers',
        message: `transfers.parallelTransfers is locked to 2 by ${box.managed}, so it cannot be changed.`,
      }),
    ]);
    expect(readFileSync(box.user, 'utf8')).toBe(original);
  });

  it('accepts the locked value itself without copying it into the user file', () => {
    const box = sandboxWithCognito();
    box.write(box.managed, { transfers: { parallelTransfers: 2 } });
    expect(save(box, { transfers: { parallelTransfers: 2 }, ui: { theme: 'dark' } }).ok).toBe(true);
    expect(JSON.parse(readFileSync(box.user, 'utf8'))).toEqual({ ui: { theme: 'dark' } });
  });

  it('resets a setting to its default with null, tidying away empty groups', () => {
    const box = sandboxWithCognito();
    box.write(box.user, {
      ui: { theme: 'dark' },
      transfers: { parallelTransfers: 9, partSizeMiB: 16 },
    });
    const result = save(box, { ui: { theme: null }, transfers: null });
    expect(result.ok).toBe(true);
    expect(JSON.parse(readFileSync(box.user, 'utf8'))).toEqual({});
    const { config } = expectLoaded(box.load({ withEnvFile: true }));
    expect(config.ui.theme).toBe('system');
    expect(config.transfers.partSizeMiB).toBe(8);
  });

  it('refuses a value that would not load, with the usual message, and writes nothing', () => {
    const box = sandboxWithCognito();
    const result = save(box, { transfers: { partSizeMiB: 4 } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({
      code: 'CONFIG_INVALID_VALUE',
      file: box.user,
      field: 'transfers.partSizeMiB',
    });
    expect(existsSync(box.user)).toBe(false);
  });

  it('refuses keys that are not settings', () => {
    const box = sandboxWithCognito();
    const result = save(box, { ui: { colour: 'red' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ code: 'CONFIG_UNKNOWN_KEY', field: 'ui.colour' });
  });

  it('will not overwrite a user file it cannot parse', () => {
    const box = sandboxWithCognito();
    box.write(box.user, '{ "ui": { "theme": "dark", } }');
    const result = save(box, { ui: { language: 'en' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.code).toBe('CONFIG_JSON_MALFORMED');
    expect(readFileSync(box.user, 'utf8')).toBe('{ "ui": { "theme": "dark", } }');
  });

  it('lets a first-run setup save fields one at a time while others are still missing', () => {
    const box = configSandbox();
    const result = saveUserConfig({ ...box.options(), patch: { region: 'ap-northeast-1' } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.load.ok).toBe(false);
    if (result.load.ok) return;
    expect(result.load.errors.map((e) => e.code)).toContain('CONFIG_MISSING_FIELD');
    expect(result.load.errors.map((e) => e.field)).not.toContain('region');
    // A wrong value is still refused even though the configuration is incomplete.
    const wrong = saveUserConfig({ ...box.options(), patch: { userPoolId: 'us-east-1_AbC' } });
    expect(wrong.ok).toBe(false);
  });

  it('writes atomically: a concurrent reader never sees a partial file, and no temp files remain', async () => {
    const box = sandboxWithCognito();
    // A large (unknown, preserved) key makes each write long enough to be caught half-done.
    box.write(box.user, { ui: { theme: 'light' }, padding: 'x'.repeat(4 * 1024 * 1024) });
    const script = fileURLToPath(new URL('./fixtures/save-repeatedly.ts', import.meta.url));
    const writer = spawn(
      process.execPath,
      ['--import', 'tsx', script, box.user, box.managed, '40'],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    writer.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => writer.on('exit', resolve));
    let done = false;
    void exited.then(() => (done = true));
    let reads = 0;
    const themes = new Set<string>();
    while (!done) {
      const parsed = JSON.parse(readFileSync(box.user, 'utf8')) as { ui: { theme: string } };
      themes.add(parsed.ui.theme);
      reads += 1;
      await nextTurn();
    }
    expect({ code: await exited, stderr }).toEqual({ code: 0, stderr: '' });
    expect(reads).toBeGreaterThan(0);
    expect(themes.has('dark')).toBe(true);
    expect(readdirSync(dirname(box.user))).toEqual(['config.json']);
  });
});
