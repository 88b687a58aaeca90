import electronLog from 'electron-log/main';
import { createLogger, type Logger } from '../core/log/logger';

/**
 * The app's logger: electron-log writes to the platform's log folder, and every record passes
 * core's redaction first, so tokens and AWS credentials never reach the file.
 */
export function createAppLogger(): Logger {
  electronLog.transports.file.level = 'info';
  electronLog.transports.console.level = process.env.HAKOBU_DEBUG ? 'debug' : 'warn';
  // Nothing from the renderer is collected: the renderer never sees secrets, but it is untrusted.
  electronLog.errorHandler.startCatching({ showDialog: false });
  return createLogger((level, message, data) => electronLog[level](message, ...data));
}
