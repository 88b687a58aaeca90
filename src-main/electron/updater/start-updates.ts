import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readManagedUpdates } from '../../core/config';
import { RELEASE_BUILD } from '../../core/config/paths';
import type { Logger } from '../../core/log/logger';
import {
  decideUpdates,
  detectInstallKind,
  startUpdateService,
  type UpdateRuntime,
  type UpdateService,
} from '../../core/updates';
import { adaptAutoUpdater, type AutoUpdaterLike } from './auto-updater-adapter';

/** What starting updates needs from Electron and the process. */
export interface StartUpdatesOptions {
  app: { isPackaged: boolean };
  log: Logger;
  /** process.resourcesPath: where the installer put app-update.yml and the package-type mark. */
  resourcesPath?: string;
  /** Loads electron-updater; only called when the policy says to check. */
  loadAutoUpdater?: () => Promise<AutoUpdaterLike>;
}

const loadElectronUpdater = async (): Promise<AutoUpdaterLike> =>
  (await import('electron-updater')).autoUpdater;

/** The facts no configuration can change; an unpackaged app needs no look at the disk. */
function runtimeFacts(options: StartUpdatesOptions): UpdateRuntime {
  const resources = options.resourcesPath ?? '';
  const packaged = options.app.isPackaged && resources !== '';
  return {
    shell: 'electron',
    isPackaged: options.app.isPackaged,
    releaseBuild: RELEASE_BUILD,
    installKind: packaged
      ? detectInstallKind({
          platform: process.platform,
          execPath: process.execPath,
          resourcesPath: resources,
          env: process.env,
        })
      : 'msi-or-unknown',
    hasBuiltInFeed: packaged && existsSync(join(resources, 'app-update.yml')),
  };
}

/**
 * Starts IT-controlled updates in the desktop app: reads the managed file (never moved by
 * HAKOBU_MANAGED_CONFIG in an installed app), decides, and only then loads electron-updater.
 */
export function startUpdates(options: StartUpdatesOptions): Promise<UpdateService> {
  const managed = readManagedUpdates({ allowManagedOverride: !options.app.isPackaged });
  const decision = decideUpdates(managed, runtimeFacts(options));
  const log = options.log;
  return startUpdateService({
    decision,
    log,
    updater: async () =>
      adaptAutoUpdater(
        await (options.loadAutoUpdater ?? loadElectronUpdater)(),
        log.child('updates'),
      ),
  });
}
