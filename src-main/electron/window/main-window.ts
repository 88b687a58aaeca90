import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { APP_ORIGIN } from '../protocols/schemes';
import { secureWebPreferences } from '../security/web-preferences';
import type { WindowState } from './window-state';

/** The URL the main window loads: the renderer bundle on our own privileged scheme. */
export const MAIN_WINDOW_URL = `${APP_ORIGIN}/index.html`;

/** Options for the one main window: hidden until painted, remembered geometry, secure preferences. */
export function mainWindowOptions(
  state: WindowState,
  preloadPath: string,
  devTools: boolean,
): BrowserWindowConstructorOptions {
  return {
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 720,
    minHeight: 520,
    show: false,
    title: 'Hakobu',
    backgroundColor: '#f7f7f8',
    webPreferences: secureWebPreferences(preloadPath, devTools),
  };
}

/** Reads the geometry to remember from a window (normal bounds, even while maximized). */
export function currentWindowState(
  win: Pick<BrowserWindow, 'getNormalBounds' | 'isMaximized'>,
): WindowState {
  const bounds: Rectangle = win.getNormalBounds();
  return { ...bounds, maximized: win.isMaximized() };
}
