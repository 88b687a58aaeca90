import { lookup } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';

/**
 * A lookup for http.Agent that answers `localhost` and every `*.localhost` name with the loopback
 * address of the custom endpoint (RFC 6761 §6.3: such names are this computer, whatever DNS says),
 * so an access point's `<name>-<account>.localhost` reaches a stand-in on the endpoint's own
 * address. Every other name goes to the system resolver. These names never leave this computer.
 */
export function localhostLookup(customEndpoint: string | undefined): LookupFunction {
  const endpointHost = customEndpoint
    ? new URL(customEndpoint).hostname.replace(/^\[(.*)\]$/, '$1')
    : '';
  const loopback = isIP(endpointHost) ? endpointHost : 'localhost';
  return (hostname, options, callback) => {
    const name = hostname.toLowerCase().replace(/\.$/, '');
    const isLocal = name === 'localhost' || name.endsWith('.localhost');
    lookup(isLocal ? loopback : hostname, options, callback);
  };
}
