import type { Page, WebSocketRoute } from 'playwright-core';
import type { EventChannels } from '../../../src-main/contract/channels';

type MenuCommand = EventChannels['app.command']['command'];

/**
 * The web harness has no application menu, so this stands in for it: the page's contract socket
 * goes through Playwright (still connected to the real harness), and a menu command is pushed to
 * the page exactly as the harness pushes any event. Must be set up before the page loads.
 */
export async function menuCommands(page: Page): Promise<(command: MenuCommand) => void> {
  let socket: WebSocketRoute | undefined;
  await page.routeWebSocket(/\/ws\?/, (route) => {
    route.connectToServer();
    socket = route;
  });
  return (command) => {
    if (!socket) throw new Error('the page has not opened its contract socket yet');
    socket.send(JSON.stringify({ type: 'event', event: 'app.command', payload: { command } }));
  };
}
