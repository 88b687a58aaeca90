import type { BuildOptions } from 'esbuild';

/**
 * What every Node bundle Hakobu ships shares (main, thumbnail helper, CLI), kept apart so a test
 * can build the `hakobu` command exactly as it is released.
 */
export const NODE_BUNDLE = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  // Native addons and Electron itself are loaded at run time, never bundled.
  external: ['electron', 'keytar', 'sharp'],
  // The ES builds first: the AWS SDK's CommonJS builds evaluate every command of a client when
  // loaded (CognitoIdentityProvider's ~120 cost 140 ms of the CLI's start-up in its profile),
  // while the ES builds let esbuild drop what Hakobu never calls.
  mainFields: ['module', 'main'],
} satisfies BuildOptions;
