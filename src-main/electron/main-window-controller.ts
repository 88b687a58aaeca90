import { join } from 'node:path';
import { BrowserWindow, screen, shell } from 'electron';
import { guardNavigation } from './security/navigation';
import { currentWindowState, MAIN_WINDOW_URL, mainWindowOptions } from './window/main-window';
import { loadWindowState, saveWindowState, visibleOn } from './window/window-state';

/** Creates the one main window with remembered geometry, guards and the app URL loaded. */
export function openMainWindow(options: {
  userData: string;
  preloadPath: string;
  devTools: boolean;
}): BrowserWindow {
  const stateFile = join(options.userData, 'window-state.json');
  const displays = screen.getAllDisplays().map((display) => display.workArea);
  const state = visibleOn(loadWindowState(stateFile), displays);
  // electronegativity: CONTEXT_ISOLATION_JS_CHECK — secureWebPreferences() turns it on, and a unit test asserts it.
  // electronegativity: SANDBOX_JS_CHECK — secureWebPreferences() turns the sandbox on, and a unit test asserts it.
  // electronegativity: AUXCLICK_JS_CHECK — every new window (middle-click included) is denied by guardNavigation.
  const win = new BrowserWindow(mainWindowOptions(state, options.preloadPath, options.devTools));
  // electronegativity: OPEN_EXTERNAL_JS_CHECK — guardNavigation opens only allowlisted https links.
  guardNavigation(win.webContents, (url) => shell.openExternal(url));
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => saveWindowState(stateFile, currentWindowState(win)));
  void win.loadURL(MAIN_WINDOW_URL);
  return win;
}
