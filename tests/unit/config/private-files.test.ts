import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveUserConfig } from '../../../src-main/core/config';
import { configSandbox, LOCAL_AWS_CONFIG } from './helpers';

const modeOf = (path: string) => statSync(path).mode & 0o777;

// The settings name the user's pool, buckets and folders: only their own account may read them.
describe.skipIf(process.platform === 'win32')('the config.json Hakobu writes', () => {
  it('is readable by its owner only, in a folder only its owner may enter', () => {
    const box = configSandbox();
    box.write(box.env, LOCAL_AWS_CONFIG);
    const saved = saveUserConfig({
      ...box.options({ withEnvFile: true }),
      patch: { ui: { theme: 'dark' } },
    });
    expect(saved.ok).toBe(true);
    expect(modeOf(box.user)).toBe(0o600);
    expect(modeOf(dirname(box.user))).toBe(0o700);
  });

  it('narrows a folder and a file an earlier version left readable by everyone', () => {
    const box = configSandbox();
    box.write(box.env, LOCAL_AWS_CONFIG);
    mkdirSync(dirname(box.user), { recursive: true });
    chmodSync(dirname(box.user), 0o755);
    writeFileSync(box.user, '{}', { mode: 0o644 });
    chmodSync(box.user, 0o644);
    const saved = saveUserConfig({
      ...box.options({ withEnvFile: true }),
      patch: { ui: { theme: 'dark' } },
    });
    expect(saved.ok).toBe(true);
    expect(modeOf(box.user)).toBe(0o600);
    expect(modeOf(dirname(box.user))).toBe(0o700);
  });
});
