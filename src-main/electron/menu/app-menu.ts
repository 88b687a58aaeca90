import type { MenuItemConstructorOptions } from 'electron';
import { MENU_LABELS, type MenuLanguage } from './labels';

/** What the menu can ask the app to do; the renderer is told through contract events or navigation. */
export interface MenuActions {
  uploadFiles(): void;
  openSettings(): void;
  runDiagnostics(): void;
  signOut(): void;
  openHelp(): void;
}

/** Builds the application menu, following macOS conventions (app menu, Cmd+, for settings) on darwin. */
export function buildMenuTemplate(
  platform: NodeJS.Platform,
  language: MenuLanguage,
  actions: MenuActions,
  isDev: boolean,
): MenuItemConstructorOptions[] {
  const t = MENU_LABELS[language];
  const mac = platform === 'darwin';
  const settings: MenuItemConstructorOptions = {
    label: t.settings,
    accelerator: 'CmdOrCtrl+,',
    click: () => actions.openSettings(),
  };
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      role: 'appMenu',
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        settings,
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push(
    {
      label: t.file,
      submenu: [
        { label: t.uploadFiles, accelerator: 'CmdOrCtrl+O', click: () => actions.uploadFiles() },
        ...(mac ? [] : [settings]),
        { type: 'separator' },
        { label: t.signOut, click: () => actions.signOut() },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { label: t.edit, role: 'editMenu' },
    {
      label: t.view,
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(isDev ? [{ type: 'separator' } as const, { role: 'toggleDevTools' } as const] : []),
      ],
    },
    { label: t.window, role: 'windowMenu' },
    {
      label: t.help,
      role: 'help',
      submenu: [
        { label: t.diagnostics, click: () => actions.runDiagnostics() },
        { label: t.documentation, click: () => actions.openHelp() },
      ],
    },
  );
  return template;
}
