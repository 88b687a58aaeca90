import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';
import {
  loadConfig,
  type ConfigLoadResult,
  type LoadConfigOptions,
} from '../../../src-main/core/config';

/** The exact file local-aws writes for the app (ids in the documented shapes). */
export const LOCAL_AWS_CONFIG = {
  region: 'ap-northeast-1',
  userPoolId: 'ap-northeast-1_AbCdEf123',
  clientId: 'abcdefghij0123456789klmnop',
  identityPoolId: 'ap-northeast-1:1a2b3c4d-0000-4000-8000-123456789abc',
  authFlow: 'USER_SRP_AUTH',
  endpoints: {
    cognitoIdp: 'http://127.0.0.1:4566',
    cognitoIdentity: 'http://127.0.0.1:4566',
    s3: 'http://127.0.0.1:4566',
  },
  locations: [
    { name: 'hakobu-demo', bucket: 'hakobu-demo', prefix: '${identityId}/', access: 'readwrite' },
  ],
};

/** A temporary folder per test with the three config files' paths; removed after the test. */
export interface ConfigSandbox {
  dir: string;
  managed: string;
  user: string;
  env: string;
  /** Writes a file: objects as JSON, strings verbatim. */
  write(path: string, content: unknown): string;
  /** Loads with the sandbox's managed path, user path, and (optionally) HAKOBU_CONFIG. */
  load(options?: Partial<LoadConfigOptions> & { withEnvFile?: boolean }): ConfigLoadResult;
  options(extra?: { withEnvFile?: boolean }): LoadConfigOptions;
}

const sandboxes: string[] = [];
afterEach(() => {
  for (const dir of sandboxes.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Makes a ConfigSandbox in a fresh temporary folder. */
export function configSandbox(): ConfigSandbox {
  const dir = mkdtempSync(join(tmpdir(), 'hakobu-config-'));
  sandboxes.push(dir);
  const sandbox: ConfigSandbox = {
    dir,
    managed: join(dir, 'managed', 'config.json'),
    user: join(dir, 'user', 'config.json'),
    env: join(dir, 'env.json'),
    write(path, content) {
      rmSync(path, { force: true, recursive: true });
      mkdirSync(dirname(path), { recursive: true });
      const text = typeof content === 'string' ? content : JSON.stringify(content, null, 2);
      writeFileSync(path, text);
      return path;
    },
    options: (extra = {}) => ({
      userConfigPath: sandbox.user,
      env: {
        HAKOBU_MANAGED_CONFIG: sandbox.managed,
        ...(extra.withEnvFile ? { HAKOBU_CONFIG: sandbox.env } : {}),
      },
    }),
    load: (options = {}) => loadConfig({ ...sandbox.options(options), ...options }),
  };
  return sandbox;
}

/** The loaded config, failing the test with every problem when it did not load. */
export function expectLoaded(result: ConfigLoadResult) {
  if (!result.ok)
    throw new Error(`config did not load:\n${JSON.stringify(result.errors, null, 2)}`);
  return result;
}

/** The problems of a load that should have failed. */
export function expectFailed(result: ConfigLoadResult) {
  if (result.ok) throw new Error('config loaded, but it should have failed');
  return result.errors;
}
