// What the OS asks Hakobu to open: files and folders (the command line, Windows "Send to", a Linux
// file manager's "Open With", macOS open-file) and hakobu:// URLs (argv, macOS open-url).
import type { App } from 'electron';
import { z } from 'zod';
import { LaunchInbox } from '../../core/open-files';

// Any program may start Hakobu with any command line, which a second instance then hands over.
const SecondInstance = z.object({
  argv: z.array(z.string()).max(100_000),
  workingDirectory: z.string().min(1).max(32_767),
});
const OpenedPath = z.string().min(1).max(32_767);

/** The scheme's name as the OS registers it (no colon). */
export const PROTOCOL_NAME = 'hakobu';

export interface OsOpenOptions {
  /** This process's own command line and working folder (the first instance's launch). */
  argv: readonly string[];
  cwd: string;
  /** The app's executable (what Windows runs for a hakobu:// link). */
  execPath: string;
  /** process.defaultApp: `electron <app> …` in development puts the app path after the switches. */
  defaultApp: boolean;
  platform: NodeJS.Platform;
  /** Brings the window forward, or reopens it (macOS keeps running with none); no-op before ready. */
  showWindow: () => void;
  /** Where hakobu: URLs go (the deep-link dispatcher). */
  openUrl: (url: string) => void;
}

type OsOpenApp = Pick<App, 'on' | 'isPackaged' | 'setAsDefaultProtocolClient'>;

/**
 * Listens for files and URLs the OS sends, in the first instance only, and returns the inbox
 * that holds files until the app attaches its offers. Registers hakobu:// as this app's scheme
 * only when packaged: a development run would register the bare Electron binary.
 */
export function wireOsOpen(app: OsOpenApp, options: OsOpenOptions): LaunchInbox {
  const inbox = new LaunchInbox({
    defaultApp: options.defaultApp,
    platform: options.platform,
    openUrl: options.openUrl,
  });
  const { execPath } = options;
  if (app.isPackaged) {
    // Windows then runs `"Hakobu.exe" "--" "%1"`: after --, Chromium reads no switches, so a
    // crafted link cannot smuggle one in (and parseLaunchArgs still finds the URL).
    // electronegativity: PROTOCOL_HANDLER_JS_CHECK — links reach only deep-links.ts, which keeps hakobu: URLs alone, length-capped.
    if (options.platform === 'win32')
      app.setAsDefaultProtocolClient(PROTOCOL_NAME, execPath, ['--']);
    else app.setAsDefaultProtocolClient(PROTOCOL_NAME);
  }
  // Only a real Electron launch has an argv of Hakobu's own (a packaged app, or electron <app>);
  // anything else (a test runner's Node) would offer its own script as a file.
  if (app.isPackaged || options.defaultApp) inbox.commandLine(options.argv, options.cwd);

  app.on('second-instance', (_event, argv, workingDirectory) => {
    const launch = SecondInstance.safeParse({ argv, workingDirectory });
    if (launch.success) inbox.commandLine(launch.data.argv, launch.data.workingDirectory);
    options.showWindow();
  });
  // macOS: Finder's Open With, the Dock, `open -a Hakobu file`; may fire before 'ready'.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    const opened = OpenedPath.safeParse(path);
    inbox.files(opened.success ? [opened.data] : [], opened.success ? 0 : 1);
    options.showWindow();
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    options.openUrl(url);
    options.showWindow();
  });
  return inbox;
}
