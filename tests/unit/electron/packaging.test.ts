import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '../../..');
const builder = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<
  string,
  unknown
>;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('installers', () => {
  it('flip the fuses that would let a signed Hakobu run as a plain Node runtime', () => {
    expect(builder.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(builder.asar).toBe(true);
  });

  it('ship only the built bundles, never local-aws or the sources', () => {
    const files = builder.files as string[];
    expect(files.some((f) => f.includes('local-aws') && !f.startsWith('!'))).toBe(false);
    expect(files.some((f) => f.startsWith('src-'))).toBe(false);
    expect(pkg.main.startsWith('dist/main/')).toBe(true);
  });

  it('keep the AGPL policy evaluator and the stand-in out of runtime dependencies', () => {
    expect(Object.keys(pkg.dependencies)).not.toContain('@cloud-copilot/iam-simulate');
    expect(pkg.devDependencies['@cloud-copilot/iam-simulate']).toBeDefined();
  });

  it('pin Electron to an exact, supported version', () => {
    expect(pkg.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
