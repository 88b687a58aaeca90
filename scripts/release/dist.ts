// `npm run dist [-- electron-builder arguments]`: decide signing first (fail fast on a release
// without credentials), then draw the icons, build the bundles and run electron-builder.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { signingPlan } from './signing-plan';

const root = resolve(import.meta.dirname, '../..');
const argv = process.argv.slice(2);
const builder = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as {
  win?: { signtoolOptions?: { publisherName?: string } };
};
const plan = signingPlan({
  argv,
  env: process.env,
  hostPlatform: process.platform,
  windowsPublisher: builder.win?.signtoolOptions?.publisherName,
});

if (plan.kind === 'refused') {
  console.error(plan.message);
  process.exit(1);
}

const env: NodeJS.ProcessEnv = { ...process.env };
if (plan.kind === 'local') {
  for (const name of plan.unset) delete env[name];
  // Without this electron-builder would still pick a signing identity from the macOS keychain.
  env.CSC_IDENTITY_AUTO_DISCOVERY = 'false';
}
console.log(plan.notice);

/** Runs one step with the plan's environment, stopping `dist` with the step's exit code. */
function step(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
step(process.execPath, [tsx, 'scripts/icons/build-icons.ts']);
step(process.execPath, [tsx, 'scripts/build.ts']);
step(process.execPath, [
  join(root, 'node_modules/electron-builder/cli.js'),
  '--config',
  'electron-builder.yml',
  ...plan.args,
  ...argv,
]);
