// The build-time constants of the bundles scripts/build.ts ships, kept apart so a test can build
// the `hakobu` command exactly as it is released.

/**
 * esbuild's `define` for shipped bundles: a release build (HAKOBU_MANAGED_CONFIG ignored) unless
 * HAKOBU_DEV_BUILD=1 asks for a development build. Secure by default: the bundle `npm run build`
 * writes is the one that gets installed.
 */
export function releaseDefine(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return { __HAKOBU_RELEASE_BUILD__: env.HAKOBU_DEV_BUILD === '1' ? 'false' : 'true' };
}
