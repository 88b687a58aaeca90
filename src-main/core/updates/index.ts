// Updates under IT's control: a pure policy, a small service, and the Updater seam Electron fills.
export {
  decideUpdates,
  type UpdateDecision,
  type UpdateOffReason,
  type UpdateRuntime,
} from './policy';
export {
  canSelfUpdate,
  detectInstallKind,
  NSIS_UNINSTALLER,
  type InstallFacts,
  type InstallKind,
} from './install-kind';
export {
  CHECK_INTERVAL_MS,
  describeFeed,
  startUpdateService,
  type Every,
  type UpdateService,
  type UpdateServiceOptions,
} from './service';
export type {
  Updater,
  UpdaterEvents,
  UpdaterSettings,
  UpdateFeed,
  UpdateInfoSummary,
} from './updater';
