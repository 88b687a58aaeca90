import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { isAppUrl } from './csp';

/**
 * True only for the main frame of our own window showing our own origin. senderFrame is null
 * when the frame navigated or was destroyed before the message was handled: treat that as foreign.
 */
export function isTrustedSender(
  event: IpcMainInvokeEvent,
  ourContents: WebContents | undefined,
): boolean {
  const frame = event.senderFrame;
  if (!frame || !ourContents || event.sender !== ourContents) return false;
  if (frame !== ourContents.mainFrame) return false;
  return isAppUrl(frame.url);
}
