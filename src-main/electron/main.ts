// Hakobu's Electron entry: lifecycle and wiring only. Everything the app does lives in core/.
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  Notification,
  protocol,
  session,
  shell,
  utilityProcess,
  type OpenDialogOptions,
} from 'electron';
import type { EventChannels } from '../contract/channels';
import { createHakobuApp, type HakobuApp } from '../core/api/app';
import { toUserError } from '../core/api/dispatch';
import { ensurePrivateDirSync } from '../core/fs/private-dir';
import type { ThumbnailRenderer } from '../core/library';
import { HELPER_BUNDLE } from '../core/library/thumbnail-worker/fork';
import { KeytarSecretStore } from '../core/secrets';
import { wireContract, sendEvent } from './ipc/wire-contract';
import { deliverDeepLink, subscribeDeepLinks } from './deep-links';
import { createAppLogger } from './logging';
import { openMainWindow } from './main-window-controller';
import { buildMenuTemplate } from './menu/app-menu';
import { menuLanguageFor } from './menu/labels';
import { registerAppProtocol } from './protocols/app-protocol';
import { wireOsOpen } from './open-with/os-open';
import { registerMediaProtocol } from './protocols/media-protocol';
import { privilegedSchemes } from './protocols/schemes';
import { quitDuringUploadsDialog, userChoseQuit } from './quit-guard';
import { guardNavigation } from './security/navigation';
import { batchWatcher, taskbarProgress } from './taskbar';
import { createUtilityThumbnailRenderer } from './thumbnail-process';
import { startUpdates } from './updater/start-updates';

// A second instance hands over to the first and must start nothing itself: app.quit() only
// asks to quit (and lets 'ready' fire), so exit at once before any service or window exists.
const isFirstInstance = app.requestSingleInstanceLock();
if (!isFirstInstance) app.exit(0);

// Both must happen before 'ready'.
protocol.registerSchemesAsPrivileged(privilegedSchemes);
app.enableSandbox();

let mainWindow: BrowserWindow | undefined;
let hakobu: HakobuApp | undefined;
let thumbnails: ThumbnailRenderer | undefined;
let quitConfirmed = false;

// Files and hakobu:// URLs the OS sends (argv, a second instance, macOS open-file and open-url,
// which may come before 'ready'): files wait in the inbox until start() attaches the offers.
const launches = isFirstInstance
  ? wireOsOpen(app, {
      argv: process.argv,
      cwd: process.cwd(),
      execPath: process.execPath,
      defaultApp: process.defaultApp === true,
      platform: process.platform,
      showWindow,
      openUrl: (url) => void deliverDeepLink(url),
    })
  : undefined;

/** The sign-in redirect of last resort, registered in the app client beside the loopback ports. */
const SIGN_IN_DEEP_LINK = 'hakobu://callback';

function start(): void {
  const log = createAppLogger();
  const userData = app.getPath('userData');
  // Electron creates userData with the umask's mode; the journal and tokens' neighbours are private.
  ensurePrivateDirSync(userData);
  const language = menuLanguageFor(app.getLocale());
  // Untrusted images are decoded in utilityProcess helpers. Core's default forks process.execPath,
  // which here is Hakobu itself (the RunAsNode fuse is off), so it would start a second app.
  // The helper bundle sits beside main.cjs (scripts/build.ts).
  thumbnails = createUtilityThumbnailRenderer(utilityProcess, join(__dirname, HELPER_BUNDLE));
  hakobu = createHakobuApp({
    shell: 'electron',
    version: app.getVersion(),
    locale: app.getLocale(),
    dirs: {
      userData,
      cache: join(userData, 'Cache', 'hakobu'),
      downloads: app.getPath('downloads'),
    },
    ...(process.env.HAKOBU_CONFIG ? { configPath: process.env.HAKOBU_CONFIG } : {}),
    secrets: new KeytarSecretStore(),
    log,
    thumbnailRenderer: thumbnails,
    showFileDialog: (kind) => showFileDialog(kind, mainWindow),
    // Browser sign-in happens in the user's own browser, never in a web view (RFC 8252 §8.12).
    // electronegativity: OPEN_EXTERNAL_JS_CHECK — core passes only /oauth2/authorize and /logout on the checked signIn.domain.
    openBrowser: (url) => shell.openExternal(url),
    // The installer registers hakobu:// (electron-builder.yml), so only a packaged app has it.
    ...(app.isPackaged ? { signInRedirectUri: SIGN_IN_DEEP_LINK } : {}),
    allowManagedOverride: !app.isPackaged,
  });
  const core = hakobu;
  // A browser sign-in whose loopback ports were all taken comes back as hakobu://callback?….
  subscribeDeepLinks((url) => void core.acceptSignInRedirect(url.href));

  // No web permission (camera, notifications from the page, …) is ever granted to the renderer.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
  registerAppProtocol(protocol, join(__dirname, '..', 'renderer'));
  registerMediaProtocol(protocol, core.media);

  mainWindow = openMainWindow({
    userData,
    preloadPath: join(__dirname, '..', 'preload', 'preload.cjs'),
    devTools: !app.isPackaged,
  });
  const contents = () => mainWindow?.webContents;
  wireContract(ipcMain, { contract: core.handlers, bridge: core.bridgeHandlers }, contents, log);

  const finished = batchWatcher();
  core.subscribe((event, payload) => {
    sendEvent(contents(), event, payload);
    if (event !== 'transfers.changed') return;
    const delta = payload as EventChannels['transfers.changed'];
    mainWindow?.setProgressBar(taskbarProgress(delta));
    const batch = finished(delta);
    if (batch && Notification.isSupported()) {
      new Notification({
        title: 'Hakobu',
        body:
          language === 'ja'
            ? `${batch.completed} 件のアップロードが完了しました${batch.failed ? `（${batch.failed} 件失敗）` : ''}`
            : `${batch.completed} uploads finished${batch.failed ? ` (${batch.failed} failed)` : ''}`,
      }).show();
    }
  });

  const command = (name: 'uploadFiles' | 'openSettings' | 'runDiagnostics') =>
    sendEvent(contents(), 'app.command', { command: name });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate(
        process.platform,
        language,
        {
          // A file chooser needs a user gesture in the page, so main shows the native one itself.
          uploadFiles: () => void pickAndEnqueue(core),
          openSettings: () => command('openSettings'),
          runDiagnostics: () => command('runDiagnostics'),
          signOut: () => void core.handlers['session.signOut'](),
          openHelp: () => void shell.openExternal('https://hakobu.example/help'),
        },
        !app.isPackaged,
      ),
    ),
  );
  // Files opened with Hakobu wait in core until the user confirms them (after sign-in, if need be).
  launches?.attach((paths, skipped) => void core.offers.offer(paths, skipped));
  void core.start();
  // IT-controlled updates: off unless installed, then as the managed file says (core/updates).
  void startUpdates({ app, log, resourcesPath: process.resourcesPath });
}

app.on('web-contents-created', (_event, contents) => {
  // Defence in depth: any other webContents (there should be none) gets the same guards.
  // electronegativity: OPEN_EXTERNAL_JS_CHECK — guardNavigation opens only allowlisted https links.
  guardNavigation(contents, (url) => shell.openExternal(url));
});
app.on('before-quit', (event) => {
  const active = hakobu?.activeTransfers() ?? 0;
  if (quitConfirmed || active === 0) return;
  const response = dialog.showMessageBoxSync(
    quitDuringUploadsDialog(menuLanguageFor(app.getLocale()), active),
  );
  if (!userChoseQuit(response)) {
    event.preventDefault();
    return;
  }
  // The journal already holds every finished part: the next launch resumes from there.
  quitConfirmed = true;
});
app.on('will-quit', (event) => {
  if (!hakobu) return;
  event.preventDefault();
  const core = hakobu;
  hakobu = undefined;
  // The renderer is main's, not core's: core never closes a renderer it was given.
  void core
    .dispose()
    .then(() => thumbnails?.close())
    .finally(() => app.exit(0));
});
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('activate', () => {
  if (BrowserWindow.getAllWindows().length === 0 && hakobu) reopenWindow();
});
function reopenWindow(): void {
  mainWindow = openMainWindow({
    userData: app.getPath('userData'),
    preloadPath: join(__dirname, '..', 'preload', 'preload.cjs'),
    devTools: !app.isPackaged,
  });
}
/** Brings the window forward for what the OS sent (reopened on macOS); before ready, start() opens it. */
function showWindow(): void {
  if (!hakobu) return;
  if (BrowserWindow.getAllWindows().length === 0) reopenWindow();
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
}
/** The native picker: files, or folders (Windows and Linux cannot offer both in one dialog). */
async function showFileDialog(
  kind: 'files' | 'folder',
  win: BrowserWindow | undefined,
): Promise<string[]> {
  const options: OpenDialogOptions = {
    properties: [kind === 'files' ? 'openFile' : 'openDirectory', 'multiSelections'],
  };
  const result = win
    ? await dialog.showOpenDialog(win, options)
    : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

/** The menu's Upload command: main's own dialog, then the same enqueue the page uses. */
async function pickAndEnqueue(core: HakobuApp): Promise<void> {
  try {
    const chosen = await core.handlers['files.choose']({ kind: 'files' });
    if (chosen.length > 0) {
      await core.handlers['transfers.enqueue']({ handles: chosen.map((file) => file.handle) });
    }
  } catch (error) {
    dialog.showErrorBox('Hakobu', toUserError(error).message);
  }
}

if (isFirstInstance) void app.whenReady().then(start);
