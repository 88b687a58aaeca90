import { join } from 'node:path';
import { app } from 'electron';
// Not 'electron-log/main': importing it registers an ipcMain listener and handler
// ('__ELECTRON_LOG__') that take log lines and error-handler commands from any renderer, with no
// sender check. The Node build never touches IPC; main tells it where the log folder is.
import electronLog from 'electron-log/node';
import { createLogger, type Logger } from '../core/log/logger';
import { PRIVATE_LOG_FILE_MODE, preparePrivateLogFolder } from '../core/log/private-log-folder';
import { createRedactionHook } from '../core/log/redaction-hook';

const redactionHook = createRedactionHook();

/**
 * The app's logger: electron-log writes to the platform's log folder, private to the user, and
 * every line passes core's redaction on the way (a hook, so electron-log's own error handler and
 * direct electron-log calls are redacted too), so tokens and AWS credentials never reach the file.
 */
export function createAppLogger(): Logger {
  // Registered before anything can be written, and only once however often this is called.
  if (!electronLog.hooks.includes(redactionHook)) electronLog.hooks.push(redactionHook);
  const folder = app.getPath('logs');
  const logFile = join(folder, 'main.log');
  let privacyProblem: unknown;
  try {
    preparePrivateLogFolder(folder);
  } catch (error) {
    privacyProblem = error;
  }
  const file = electronLog.transports.file;
  // electron-log resolves its path variables from the app name even when told the path: give
  // it Electron's, so it never has to guess from a package.json.
  file.setAppName(app.name);
  file.resolvePathFn = () => logFile;
  file.writeOptions = { flag: 'a', mode: PRIVATE_LOG_FILE_MODE, encoding: 'utf8' };
  file.level = 'info';
  electronLog.transports.console.level = process.env.HAKOBU_DEBUG ? 'debug' : 'warn';
  // Main's log lines never go to a renderer, not even a development one. (The Node build has
  // the transport only inside Electron, and there it sends nothing; this keeps it that way.)
  const ipc = electronLog.transports.ipc as (typeof electronLog.transports)['ipc'] | undefined;
  if (ipc) ipc.level = false;
  electronLog.errorHandler.startCatching({ showDialog: false });
  const log = createLogger((level, message, data) => electronLog[level](message, ...data));
  if (privacyProblem) log.warn(`cannot make the log folder ${folder} private`, privacyProblem);
  return log;
}
