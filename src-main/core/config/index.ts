// The configuration module's public surface: load, save, explain.
export { HakobuConfig, ConfigLayer, LocationConfig, UpdatesConfig } from './schema';
export { UPDATE_CHANNELS, type UpdateChannel } from './update-rules';
export {
  readManagedUpdates,
  type ManagedUpdates,
  type ManagedUpdatesOptions,
} from './managed-updates';
export { IDENTITY_ID_VARIABLE, OWN_FOLDER_PREFIX } from './field-rules';
export {
  loadConfig,
  configSources,
  type LoadConfigOptions,
  type LoadedConfig,
  type ConfigLoadResult,
  type ConsideredSource,
} from './load';
export { effectiveSettings, type EffectiveSetting } from './effective-settings';
export { saveUserConfig, type UserSettingsPatch, type ConfigSaveResult } from './save';
export { SETTING_PATHS } from './key-paths';
export type { SettingOrigin, SettingOrigins, SettingSource } from './merge';
export { managedConfigPath, userConfigDir, userConfigFile, type ConfigEnv } from './paths';
export {
  formatConfigProblem,
  type ConfigProblem,
  type ConfigProblemCode,
  type ConfigProblemSeverity,
} from './problems';
