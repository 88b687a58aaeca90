import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer } from 'ws';
import type { ContractHandlers } from '../core/api/dispatch';
import type { ChosenFiles } from '../core/files';
import type { Logger } from '../core/log/logger';
import { handleMediaRequest, MEDIA_SCHEME, type MediaServer } from '../core/library/media-url';
import { CONTENT_SECURITY_POLICY } from '../electron/security/csp';
import { isAuthorized, sessionCookieName, type HarnessSite } from './access';
import { safeRelativePath, stageUpload } from './staging';
import { BatchFormatError, stageBatch } from './staging-batch';
import { attachContractSocket, type EventSource } from './socket';

export interface HarnessOptions {
  port: number;
  rendererDir: string;
  /** A private folder (mkdtemp, 0700) the harness owns: it is removed when the harness closes. */
  stagingDir: string;
  /** Turns a staged copy into the handle the page enqueues (the app's registry). */
  files: Pick<ChosenFiles, 'register'>;
  handlers: ContractHandlers;
  /**
   * Offers staged files as if opened with Hakobu (the app's FileOffers): tests send a file to
   * `PUT /open-with?name=…` to stand in for Windows Send To or macOS Open With.
   */
  offerFiles?: (paths: string[]) => Promise<void>;
  serveMedia: MediaServer;
  events: EventSource;
  log: Logger;
}

export interface RunningHarness {
  /** The page URL, carrying the per-run secret. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** The harness's CSP: Electron's, with the media scheme swapped for same-origin /media and our socket. */
const harnessCsp = (origin: string) =>
  CONTENT_SECURITY_POLICY.replace(`${MEDIA_SCHEME}:`, '').replace(
    "connect-src 'self'",
    `connect-src 'self' ${origin.replace('http', 'ws')}`,
  );

/** The largest contract frame a page may send; larger ones close the socket with 1009. */
export const MAX_FRAME_BYTES = 4 * 1024 * 1024;

// A request line such as `GET //[` is not a URL: answer it as not found, never throw.
const parseUrl = (req: IncomingMessage, origin: string): URL | undefined => {
  try {
    return new URL(req.url ?? '/', origin);
  } catch {
    return undefined;
  }
};

function send(res: ServerResponse, status: number, body: string, type = 'text/plain'): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/**
 * Starts the development/test harness on 127.0.0.1: it serves the built renderer, bridges the
 * contract over a WebSocket, stages dropped browser files, and serves media — all behind a
 * per-run secret and an Origin check.
 */
export async function startWebHarness(options: HarnessOptions): Promise<RunningHarness> {
  // Host, origin and cookie are known once the server listens (the port may be chosen by the OS).
  const secret = randomBytes(24).toString('base64url');
  const site: HarnessSite = { origin: '', host: '', secret, cookie: '' };
  const root = normalize(options.rendererDir + sep);

  const serveStatic = async (res: ServerResponse, pathname: string, setCookie: boolean) => {
    const file = normalize(join(root, pathname === '/' ? 'index.html' : pathname.slice(1)));
    if (!file.startsWith(root)) return send(res, 404, 'Not found');
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': harnessCsp(site.origin),
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
        ...(setCookie
          ? { 'set-cookie': `${site.cookie}=${secret}; HttpOnly; SameSite=Strict; Path=/` }
          : {}),
      });
      res.end(body);
    } catch {
      send(res, 404, 'Not found');
    }
  };

  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const url = parseUrl(req, site.origin);
    if (!url) return send(res, 400, 'Bad request');
    if (
      req.method === 'GET' &&
      !url.pathname.startsWith('/media/') &&
      !url.pathname.startsWith('/stage')
    ) {
      // Static assets are the public bundle; the page itself only with the secret, which sets the cookie.
      const isPage = url.pathname === '/' || url.pathname === '/index.html';
      if (isPage && !isAuthorized(req, url, site))
        return send(res, 403, 'Open the URL printed by the harness.');
      return serveStatic(res, url.pathname, isPage);
    }
    if (!isAuthorized(req, url, site, req.method !== 'GET')) return send(res, 403, 'Forbidden');
    if (req.method === 'GET' && url.pathname.startsWith('/media/')) {
      // Chromium closes the connection when the page drops an image (its img left the DOM), so
      // main stops drawing a thumbnail nobody will see.
      const dropped = new AbortController();
      res.once('close', () => {
        if (!res.writableFinished) dropped.abort(new Error('the page dropped the request'));
      });
      const media = await handleMediaRequest(
        options.serveMedia,
        `${MEDIA_SCHEME}://${url.pathname.slice(7)}`,
        dropped.signal,
      );
      if (dropped.signal.aborted) {
        await media.body?.cancel();
        return;
      }
      res.writeHead(media.status, Object.fromEntries(media.headers));
      res.end(Buffer.from(await media.arrayBuffer()));
      return;
    }
    if (req.method === 'PUT' && url.pathname === '/stage') {
      const relative = safeRelativePath(url.searchParams.get('name') ?? '');
      if (!relative) return send(res, 400, 'Bad file name');
      const batch = url.searchParams.get('batch') ?? undefined;
      const path = await stageUpload(options.stagingDir, relative, req, batch);
      const [chosen] = options.files.register([path]);
      return send(res, 200, JSON.stringify({ handle: chosen?.handle }), 'application/json');
    }
    if (req.method === 'PUT' && url.pathname === '/open-with' && options.offerFiles) {
      const relative = safeRelativePath(url.searchParams.get('name') ?? '');
      if (!relative) return send(res, 400, 'Bad file name');
      await options.offerFiles([await stageUpload(options.stagingDir, relative, req)]);
      return send(res, 204, '');
    }
    if (req.method === 'PUT' && url.pathname === '/stage/batch') {
      const batch = url.searchParams.get('batch') ?? undefined;
      let paths: string[];
      try {
        paths = await stageBatch(options.stagingDir, req, batch);
      } catch (error) {
        if (error instanceof BatchFormatError) return send(res, 400, error.message);
        throw error;
      }
      const handles = options.files.register(paths).map((chosen) => chosen.handle);
      return send(res, 200, JSON.stringify({ handles }), 'application/json');
    }
    send(res, 404, 'Not found');
  };

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      options.log.error('harness request failed', error);
      if (!res.headersSent) send(res, 500, 'Internal error');
      else res.destroy();
    });
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  server.on('upgrade', (req, socket, head) => {
    // A peer that resets mid-handshake must cost this connection only, never the process.
    socket.on('error', (error) => options.log.debug('harness upgrade socket failed', error));
    try {
      const url = parseUrl(req, site.origin);
      if (url?.pathname !== '/ws' || !isAuthorized(req, url, site, true)) {
        socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
        return;
      }
      sockets.handleUpgrade(req, socket, head, (ws) => attachContractSocket(ws, options));
    } catch (error) {
      options.log.warn('harness refused a malformed upgrade', error);
      socket.destroy();
    }
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port, '127.0.0.1', () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  Object.assign(site, {
    host: `127.0.0.1:${port}`,
    origin: `http://127.0.0.1:${port}`,
    cookie: sessionCookieName(port),
  });
  return {
    url: `${site.origin}/?token=${secret}`,
    origin: site.origin,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      await rm(options.stagingDir, { recursive: true, force: true });
    },
  };
}
