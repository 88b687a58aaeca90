import packageJson from '../../../package.json' with { type: 'json' };

/** The version printed by `hakobu --version` and reported to the core. */
export const HAKOBU_VERSION: string = packageJson.version;
