// Builds every bundle: main (CJS, for Electron), preload (one CJS file — a sandboxed preload can't
// load modules), the `hakobu` CLI (ESM), and the renderer via Vite. tsc only type-checks.
import { build, type BuildOptions } from 'esbuild';
import { existsSync } from 'node:fs';
import { build as viteBuild } from 'vite';
import { NODE_BUNDLE } from './bundle-options';
import { releaseDefine } from './release-define';

const common: BuildOptions = {
  ...NODE_BUNDLE,
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
  define: releaseDefine(),
};

const bundles: BuildOptions[] = [
  {
    ...common,
    entryPoints: ['src-main/electron/main.ts'],
    outfile: 'dist/main/main.cjs',
    format: 'cjs',
    // CJS has no import.meta: core finds files beside itself (the thumbnail helper) by the bundle's URL.
    define: { ...common.define, 'import.meta.url': '__hakobuModuleUrl' },
    banner: { js: "const __hakobuModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  },
  {
    ...common,
    // Thumbnails are decoded in a process of their own (utilityProcess, or a Node child for the
    // CLI), which runs this; core/library/thumbnail-worker/fork.ts finds it beside main.cjs.
    entryPoints: ['src-main/core/library/thumbnail-worker/helper.ts'],
    outfile: 'dist/main/thumbnail-helper.cjs',
    format: 'cjs',
  },
  {
    ...common,
    entryPoints: ['src-main/preload/index.ts'],
    outfile: 'dist/preload/preload.cjs',
    format: 'cjs',
    platform: 'browser',
    mainFields: ['browser', 'module', 'main'],
    target: 'chrome130',
  },
  {
    ...common,
    entryPoints: ['src-main/cli/hakobu.ts'],
    outfile: 'dist/cli/hakobu.mjs',
    format: 'esm',
    banner: {
      // Bundled CJS dependencies still call require(); give ESM output one.
      js: "#!/usr/bin/env node\nimport { createRequire as __hakobuRequire } from 'node:module';\nconst require = __hakobuRequire(import.meta.url);",
    },
  },
];

const only = process.argv.slice(2);
for (const options of bundles) {
  const entry = (options.entryPoints as string[])[0] ?? '';
  if (only.length && !only.some((name) => entry.includes(name))) continue;
  if (!existsSync(entry)) {
    console.warn(`build: skipping ${entry} (not written yet)`);
    continue;
  }
  await build(options);
}
if (!only.length || only.includes('renderer')) await viteBuild({ configFile: 'vite.config.ts' });
console.log('build: done');
