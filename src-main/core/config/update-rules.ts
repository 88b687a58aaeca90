import { isLoopbackHost } from './endpoint-rule';
import { showValue, type Finding } from './problems';

/**
 * The channels electron-builder publishes (from the version's pre-release tag: 1.2.0-beta.1 goes
 * to "beta"). "latest" is the stable one every machine follows unless IT says otherwise.
 */
export const UPDATE_CHANNELS = ['latest', 'beta', 'alpha'] as const;
export type UpdateChannel = (typeof UPDATE_CHANNELS)[number];

// Scheme, host, port and path only. A user name, password or query string in a feed URL is how a
// download token would end up in logs and in every support ticket, so such URLs are refused.
const PLAIN_URL_RE = /^(https?):\/\/([^/?#@\\\s]+)(\/[^?#\\\s]*)?$/i;
const EXAMPLE = '"https://updates.example.com/hakobu/"';

function finding(message: string, fix: string, value: string, reason: string): Finding {
  return { code: 'CONFIG_UPDATE_URL_INVALID', message, fix, params: { value, reason } };
}

/**
 * Checks `updates.url`, the folder that holds latest.yml and the installers: https (http only on
 * this computer, for a test server), and no credentials anywhere in it.
 */
export function checkUpdateUrl(value: string, field: string): Finding | null {
  const shown = `${field} ${showValue(value)}`;
  const plain = PLAIN_URL_RE.exec(value);
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!plain || !url) {
    const secret = /^https?:\/\/[^/?#]*@/i.test(value)
      ? 'a user name or password before "@"'
      : /[?#]/.test(value)
        ? 'a query string or fragment ("?" or "#")'
        : undefined;
    return finding(
      secret
        ? `${shown} has ${secret}. Hakobu refuses credentials in the update address, because the address is written to logs and shown in diagnostics.`
        : `${shown} is not a plain http:// or https:// address (only scheme, host, port and path are allowed).`,
      `Set it to the folder that holds latest.yml, such as ${EXAMPLE}, readable without credentials from the users' network.`,
      value,
      secret ? 'credentials' : 'malformed',
    );
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return finding(
      `${shown} uses http://, so an installer could be swapped on the way.`,
      `Serve the updates over https:// (http:// is allowed only for a test server on this computer).`,
      value,
      'not-https',
    );
  }
  return null;
}
