import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../../log/logger';
import {
  CALLBACK_PAGE_HEADERS,
  callbackPage,
  pageLanguage,
  type CallbackOutcome,
} from './callback-page';
import { callbackPortsInUse } from './errors';

/** The path Cognito redirects to: http://localhost:<port>/callback. */
export const CALLBACK_PATH = '/callback';

/** Where managed login's /logout sends the browser back to (a registered sign-out URL). */
export const SIGNED_OUT_PATH = '/signed-out';

/** A loopback listener that has bound one of the configured ports. */
export interface LoopbackListener {
  port: number;
  /** The redirect_uri to send (and to register in the app client): http://localhost:<port><path>. */
  redirectUri: string;
  /** Stops listening; idempotent. */
  close(): Promise<void>;
}

/**
 * Answers one callback request: the receiver reads the query and says which page to show. It
 * returns true when the attempt is over (the listener then stops after the page is sent).
 */
export type CallbackReceiver = (query: URLSearchParams) => {
  outcome: CallbackOutcome;
  done: boolean;
};

export interface LoopbackOptions {
  /** Tried in order; the first one free on every loopback address wins. */
  ports: readonly number[];
  /** The one path answered (CALLBACK_PATH unless given). */
  path?: string;
  receive: CallbackReceiver;
  /** The page's language when the browser does not say (the app's UI language). */
  language: 'en' | 'ja';
  log: Logger;
}

// "localhost" may resolve to either; Cognito allows plain http only for "localhost", so the
// redirect names that and the listener answers on both. ::1 is skipped where IPv6 is off.
const ADDRESSES = ['127.0.0.1', '::1'] as const;
const isCode = (error: unknown, code: string) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      server.off('listening', ok);
      reject(error);
    };
    const ok = () => {
      server.off('error', fail);
      resolve();
    };
    server.once('error', fail);
    server.once('listening', ok);
    // exclusive: never share the port with another process's cluster handle.
    server.listen({ port, host, exclusive: true });
  });
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Only the browser's own navigation to this listener may end an attempt: a Host other than
 * loopback (a DNS-rebound site) or a script's background request from some web page
 * (Sec-Fetch-Mode other than navigate) is answered 404 and leaves the attempt waiting.
 */
function fromBrowserTab(req: IncomingMessage, port: number): boolean {
  const host = (req.headers.host ?? '').toLowerCase();
  const name = host.endsWith(`:${port}`) ? host.slice(0, -`:${port}`.length) : '';
  const mode = req.headers['sec-fetch-mode'];
  return LOOPBACK_HOSTS.has(name) && (mode === undefined || mode === 'navigate');
}

const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });

/**
 * Listens for the browser's redirect on the first free configured port, on the loopback
 * interface only (RFC 8252 §7.3). Only `GET /callback` is answered; anything else is 404. The
 * receiver's page goes back to the browser, and once it says the attempt is over the listener
 * stops. All ports taken: an error naming them.
 */
export async function startLoopbackListener(options: LoopbackOptions): Promise<LoopbackListener> {
  const path = options.path ?? CALLBACK_PATH;
  for (const port of options.ports) {
    const servers: Server[] = [];
    let closing = false;
    const closeAll = async () => {
      closing = true;
      await Promise.all(servers.map(closeServer));
    };
    const handle = (req: IncomingMessage, res: ServerResponse) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (req.method !== 'GET' || url.pathname !== path || closing || !fromBrowserTab(req, port)) {
        res.writeHead(404, { 'content-type': 'text/plain', connection: 'close' });
        res.end('Not found');
        return;
      }
      const { outcome, done } = options.receive(url.searchParams);
      const language = pageLanguage(req.headers['accept-language'], options.language);
      const status = outcome === 'signedIn' ? 200 : 400;
      res.writeHead(status, CALLBACK_PAGE_HEADERS);
      res.end(callbackPage(outcome, language), () => {
        if (done) void closeAll();
      });
    };
    try {
      for (const host of ADDRESSES) {
        const server = createServer(handle);
        try {
          await listen(server, port, host);
          servers.push(server);
        } catch (error) {
          // No IPv6 on this machine: 127.0.0.1 alone serves "localhost".
          if (host === '::1' && (isCode(error, 'EADDRNOTAVAIL') || isCode(error, 'EAFNOSUPPORT')))
            continue;
          throw error;
        }
      }
    } catch (error) {
      await closeAll();
      if (isCode(error, 'EADDRINUSE') || isCode(error, 'EACCES')) {
        options.log.info(`callback port ${port} is not free; trying the next`);
        continue;
      }
      throw error;
    }
    return { port, redirectUri: `http://localhost:${port}${path}`, close: closeAll };
  }
  throw callbackPortsInUse(options.ports);
}
