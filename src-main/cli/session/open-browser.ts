import { spawn } from 'node:child_process';

/** The platform's "open this address in the default browser" command, as argv (never a shell). */
function openerFor(url: string, platform: NodeJS.Platform): [string, string[]] {
  if (platform === 'darwin') return ['open', [url]];
  // rundll32 hands the URL to the default browser without cmd.exe parsing "&" in the query.
  if (platform === 'win32') return ['rundll32', ['url.dll,FileProtocolHandler', url]];
  return ['xdg-open', [url]];
}

/** Opens a URL in the system browser; rejects when the opener cannot even start. */
export function openSystemBrowser(url: string, platform = process.platform): Promise<void> {
  const [command, args] = openerFor(url, platform);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
