import { createServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TlsMaterial } from '../tls';

/** Where the stand-in answers, as local-aws.json reports it. */
export interface Endpoints {
  http: string;
  https: string | null;
  caFile: string | null;
}

/** Listens on 127.0.0.1 and returns the port; the listener stays the caller's to close. */
export async function listen(server: Server, port: number): Promise<number> {
  // Long uploads through a slow fault-injected link must not be cut by Node's default timeouts.
  server.requestTimeout = 0;
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  return (server.address() as AddressInfo).port;
}

/** Closes a listener and every connection it holds. */
export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((ok) => {
    server.closeAllConnections();
    server.close(() => ok());
  });
}

/** The http listener, and the https one beside it when TLS material is given. */
export async function startListeners(
  listener: RequestListener,
  options: { httpPort: number; httpsPort: number; tls: TlsMaterial | undefined },
): Promise<{ servers: Server[]; endpoints: Endpoints }> {
  const { tls } = options;
  const servers: Server[] = [];
  try {
    const http = createServer(listener);
    servers.push(http);
    const httpPort = await listen(http, options.httpPort);
    let https: string | null = null;
    if (tls) {
      const secure = createHttpsServer({ key: tls.keyPem, cert: tls.certPem }, listener);
      servers.push(secure);
      https = `https://127.0.0.1:${await listen(secure, options.httpsPort)}`;
    }
    const endpoints = {
      http: `http://127.0.0.1:${httpPort}`,
      https,
      caFile: tls?.caFile ?? null,
    };
    return { servers, endpoints };
  } catch (error) {
    await Promise.all(servers.map(closeServer));
    throw error;
  }
}
