import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { saveUserConfig } from '../../../src-main/core/config';
import { configSandbox, expectFailed, expectLoaded, LOCAL_AWS_CONFIG } from './helpers';

// Whether Hakobu updates itself, from where and on which channel is IT's decision alone: only the
// managed file sets `updates`, on every machine, and a user or HAKOBU_CONFIG file cannot change it.

const FEED = 'https://updates.corp.example/hakobu/';

describe('updates in the configuration', () => {
  it('defaults to on, the installer feed and the stable channel, locked even with no managed file', () => {
    const box = configSandbox();
    box.write(box.user, LOCAL_AWS_CONFIG);
    const { config, origins, warnings } = expectLoaded(box.load());

    expect(config.updates).toEqual({ enabled: true, channel: 'latest' });
    expect(origins['updates.enabled']).toEqual({ source: 'default', file: null, locked: true });
    expect(origins['updates.url']).toEqual({ source: 'default', file: null, locked: true });
    expect(warnings).toEqual([]);
  });

  it('takes every update setting from the managed file and locks it', () => {
    const box = configSandbox();
    box.write(box.managed, { updates: { enabled: true, url: FEED, channel: 'beta' } });
    box.write(box.user, LOCAL_AWS_CONFIG);
    const { config, origins } = expectLoaded(box.load());

    expect(config.updates).toEqual({ enabled: true, url: FEED, channel: 'beta' });
    expect(origins['updates.channel']).toEqual({
      source: 'managed',
      file: box.managed,
      locked: true,
    });
  });

  it('ignores updates in a user file and a HAKOBU_CONFIG file, with a warning naming each file', () => {
    const box = configSandbox();
    box.write(box.managed, { ...LOCAL_AWS_CONFIG, updates: { enabled: false } });
    box.write(box.user, { updates: { enabled: true, url: 'https://evil.example/' } });
    box.write(box.env, { updates: { channel: 'alpha' } });
    const { config, warnings } = expectLoaded(box.load({ withEnvFile: true }));

    expect(config.updates).toEqual({ enabled: false, channel: 'latest' });
    expect(warnings.map((w) => [w.code, w.severity, w.file, w.field])).toEqual([
      ['CONFIG_LOCKED_KEY_IGNORED', 'warning', box.env, 'updates'],
      ['CONFIG_LOCKED_KEY_IGNORED', 'warning', box.user, 'updates'],
    ]);
    expect(warnings[1]?.message).toContain(
      `only IT's managed file (${box.managed}) may set updates`,
    );
  });

  it('ignores updates in a user file even where no managed file exists', () => {
    const box = configSandbox();
    box.write(box.user, { ...LOCAL_AWS_CONFIG, updates: { url: 'https://evil.example/' } });
    const { config, warnings } = expectLoaded(box.load());
    expect(config.updates.url).toBeUndefined();
    expect(warnings.map((w) => w.field)).toEqual(['updates']);
  });

  it('does not let a broken updates value in a user file stop the app', () => {
    const box = configSandbox();
    box.write(box.user, { ...LOCAL_AWS_CONFIG, updates: 'off' });
    const { config } = expectLoaded(box.load());
    expect(config.updates.enabled).toBe(true);
  });

  it.each([
    ['https://user:secret@updates.corp.example/', 'user name or password'],
    ['https://updates.corp.example/feed?token=abc', 'query string'],
    ['http://updates.corp.example/', 'uses http://'],
    ['updates.corp.example', 'not a plain'],
  ])('refuses the managed update address %s, naming why', (url, why) => {
    const box = configSandbox();
    box.write(box.managed, { ...LOCAL_AWS_CONFIG, updates: { url } });
    const [problem] = expectFailed(box.load());
    expect(problem).toMatchObject({
      code: 'CONFIG_UPDATE_URL_INVALID',
      file: box.managed,
      field: 'updates.url',
    });
    expect(problem?.message).toContain(why);
  });

  it('accepts http:// only for a test server on this computer', () => {
    const box = configSandbox();
    box.write(box.managed, { ...LOCAL_AWS_CONFIG, updates: { url: 'http://127.0.0.1:8080/' } });
    expect(expectLoaded(box.load()).config.updates.url).toBe('http://127.0.0.1:8080/');
  });

  it('refuses to save an update setting into the user file, writing nothing', () => {
    const box = configSandbox();
    box.write(box.user, LOCAL_AWS_CONFIG);
    const before = readFileSync(box.user, 'utf8');
    const result = saveUserConfig({ ...box.options(), patch: { updates: { enabled: false } } });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.code, e.field])).toEqual([
      ['CONFIG_LOCKED_KEY', 'updates.enabled'],
    ]);
    expect(readFileSync(box.user, 'utf8')).toBe(before);
    expect(existsSync(box.managed)).toBe(false);
  });

  it('lets a file name its JSON schema for editors without a warning', () => {
    const box = configSandbox();
    box.write(box.managed, {
      $schema: 'https://hakobu.example/config.schema.json',
      ...LOCAL_AWS_CONFIG,
    });
    expect(expectLoaded(box.load()).warnings).toEqual([]);
  });
});
