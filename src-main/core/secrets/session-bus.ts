import { connect, type Socket } from 'node:net';

/** What a quick look at the D-Bus session bus found. */
export type SessionBusCheck =
  | { outcome: 'answered' }
  /** Nothing to check (no address we can dial); let libsecret decide. */
  | { outcome: 'unknown' }
  /** Something is there, but no reply within the time: libsecret would block on it. */
  | { outcome: 'silent'; detail: string };

type Dial = { path: string } | { host: string; port: number };

/** The first address in DBUS_SESSION_BUS_ADDRESS (or GLib's fallback) we can connect to ourselves. */
function dialable(env: NodeJS.ProcessEnv): Dial | undefined {
  const address = env.DBUS_SESSION_BUS_ADDRESS;
  if (!address) return env.XDG_RUNTIME_DIR ? { path: `${env.XDG_RUNTIME_DIR}/bus` } : undefined;
  for (const entry of address.split(';')) {
    const colon = entry.indexOf(':');
    const transport = entry.slice(0, colon);
    const keys = new Map(
      entry
        .slice(colon + 1)
        .split(',')
        .map((pair) => pair.split('=', 2) as [string, string | undefined])
        .map(([k, v]) => [k, decodeURIComponent(v ?? '')] as const),
    );
    const path = keys.get('path');
    const abstract = keys.get('abstract');
    if (transport === 'unix' && path) return { path };
    if (transport === 'unix' && abstract) return { path: `\0${abstract}` };
    const port = Number(keys.get('port'));
    if (transport === 'tcp' && Number.isInteger(port))
      return { host: keys.get('host') || 'localhost', port };
  }
  return undefined;
}

/**
 * Checks that the session bus answers, before any keytar call. libsecret waits without limit on a
 * bus that accepts connections but never replies, and a native call stuck like that also keeps
 * Node from exiting (its thread pool is joined at exit), so such a bus must never reach keytar.
 */
export function checkSessionBus(
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<SessionBusCheck> {
  const target = dialable(env);
  if (!target) return Promise.resolve({ outcome: 'unknown' });
  return new Promise((resolve) => {
    const socket: Socket = connect(target);
    const timer = setTimeout(() => {
      finish({
        outcome: 'silent',
        detail: `the D-Bus session bus did not answer within ${timeoutMs} ms`,
      });
    }, timeoutMs);
    function finish(result: SessionBusCheck) {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    }
    // Any reply to the opening of a D-Bus authentication (even REJECTED) proves a live bus.
    socket.on('connect', () => socket.write('\0AUTH\r\n'));
    socket.on('data', () => finish({ outcome: 'answered' }));
    // Connection errors are libsecret's to report: it fails fast on those.
    socket.on('error', () => finish({ outcome: 'unknown' }));
    socket.on('close', () => finish({ outcome: 'unknown' }));
  });
}
