import { request } from 'node:http';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BrowserAttempt } from '../../../../src-main/core/auth/managed-login/browser-attempt';
import { s256Challenge } from '../../../../src-main/core/auth/managed-login/pkce';
import { silentLogger } from '../../../../src-main/core/log/logger';

// The browser side of sign-in as the user meets it: the tab that comes back, and what Hakobu
// then says. The "browser" here is fetch against the loopback listener.

const DOMAIN = 'https://example.auth.ap-northeast-1.amazoncognito.com';
const blockers: Server[] = [];
afterEach(async () => {
  await Promise.all(blockers.splice(0).map((s) => new Promise((done) => s.close(done))));
});

/** A port the OS just handed out and took back: free, as far as anyone can tell. */
async function freePorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const server = createServer();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const address = server.address();
    if (address && typeof address === 'object') ports.push(address.port);
    await new Promise((done) => server.close(done));
  }
  return ports;
}

async function block(port: number): Promise<void> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  blockers.push(server);
}

async function start(ports: number[], timeoutMs = 60_000, fallbackRedirectUri?: string) {
  const opened: string[] = [];
  const attempt = await BrowserAttempt.start({
    ...(fallbackRedirectUri ? { fallbackRedirectUri } : {}),
    domain: DOMAIN,
    clientId: 'abcdefghijklmnopqrstuvwxyz',
    identityProvider: 'EntraID',
    ports,
    timeoutMs,
    language: 'en',
    log: silentLogger,
    openBrowser: async (url) => void opened.push(url),
  });
  const sent = new URL(opened[0] ?? '');
  return { attempt, sent };
}

/** A GET as a browser tab sends it (Node's fetch would always say Sec-Fetch-Mode: cors). */
function browserGet(url: URL, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(url, { headers: { 'sec-fetch-mode': 'navigate', ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject).end();
  });
}

/** The redirect the browser follows back to Hakobu, with `query` added. */
const callbackUrl = (sent: URL, query: Record<string, string>) => {
  const redirect = new URL(sent.searchParams.get('redirect_uri') ?? '');
  for (const [k, v] of Object.entries(query)) redirect.searchParams.set(k, v);
  // The listener answers on 127.0.0.1 whatever "localhost" resolves to here.
  redirect.hostname = '127.0.0.1';
  return redirect;
};

const callback = (sent: URL, query: Record<string, string>, language = 'en') =>
  browserGet(callbackUrl(sent, query), { 'accept-language': language });

describe('signing in through the browser', () => {
  it('opens managed login with a code + PKCE request and hands back the code once', async () => {
    const ports = await freePorts(1);
    const { attempt, sent } = await start(ports);
    expect(sent.origin + sent.pathname).toBe(`${DOMAIN}/oauth2/authorize`);
    const params = Object.fromEntries(sent.searchParams);
    expect(params).toMatchObject({
      response_type: 'code',
      scope: 'openid email profile',
      code_challenge_method: 'S256',
      identity_provider: 'EntraID',
      redirect_uri: `http://localhost:${ports[0]}/callback`,
    });
    const state = params.state ?? '';
    const page = await callback(sent, { code: 'the-code', state }, 'ja,en;q=0.8');
    expect(page.status).toBe(200);
    expect(page.text).toContain('このタブを閉じて Hakobu に戻ってください');
    const result = await attempt.result;
    expect(result.code).toBe('the-code');
    expect(s256Challenge(result.verifier)).toBe(params.code_challenge);
    // The listener is gone: nothing on this computer can hand it a second code.
    await expect(callback(sent, { code: 'again', state })).rejects.toThrow();
  });

  it('tells the user when they cancelled at the identity provider', async () => {
    const { attempt, sent } = await start(await freePorts(1));
    const state = sent.searchParams.get('state') ?? '';
    const page = await callback(sent, { error: 'access_denied', state });
    expect(page.text).toContain('Sign-in cancelled');
    await expect(attempt.result).rejects.toMatchObject({ code: 'auth.browserCancelled' });
  });

  it('refuses a callback from another attempt (state mismatch) and never takes its code', async () => {
    const { attempt, sent } = await start(await freePorts(1));
    const page = await callback(sent, { code: 'stolen', state: 'not-ours' });
    expect(page.status).toBe(400);
    expect(page.text).toContain('out of date');
    await expect(attempt.result).rejects.toMatchObject({ code: 'auth.browserStateMismatch' });
  });

  it('gives up after the timeout with a message saying how to try again', async () => {
    const { attempt } = await start(await freePorts(1), 50);
    await expect(attempt.result).rejects.toMatchObject({
      code: 'auth.browserTimedOut',
      message: expect.stringMatching(/Try again/),
    });
  });

  it('moves on to the next port when one is taken, and names them all when every one is', async () => {
    const ports = await freePorts(2);
    await block(ports[0] ?? 0);
    const { attempt, sent } = await start(ports);
    expect(sent.searchParams.get('redirect_uri')).toBe(`http://localhost:${ports[1]}/callback`);
    attempt.cancel();
    await block(ports[1] ?? 0);
    await expect(start(ports)).rejects.toMatchObject({
      code: 'auth.browserPortsInUse',
      message: expect.stringContaining(`${ports[0]}, ${ports[1]}`),
    });
  });

  it('answers nothing but a browser tab’s GET /callback, and keeps waiting', async () => {
    const { attempt, sent } = await start(await freePorts(1));
    const redirect = callbackUrl(sent, { code: 'x', state: sent.searchParams.get('state') ?? '' });
    expect((await browserGet(new URL('/', redirect))).status).toBe(404);
    expect((await fetch(redirect, { method: 'POST' })).status).toBe(404);
    // A web page's background request, or a DNS-rebound host name, cannot end the attempt.
    expect((await browserGet(redirect, { 'sec-fetch-mode': 'no-cors' })).status).toBe(404);
    expect((await browserGet(redirect, { host: `evil.example:${redirect.port}` })).status).toBe(
      404,
    );
    // Still waiting: the real redirect completes it.
    expect((await browserGet(redirect)).status).toBe(200);
    await expect(attempt.result).resolves.toMatchObject({ code: 'x' });
  });

  it('falls back to the installer’s hakobu://callback when every port is taken', async () => {
    const ports = await freePorts(1);
    await block(ports[0] ?? 0);
    const { attempt, sent } = await start(ports, 60_000, 'hakobu://callback');
    expect(sent.searchParams.get('redirect_uri')).toBe('hakobu://callback');
    const state = sent.searchParams.get('state') ?? '';
    expect(attempt.acceptRedirect('hakobu://elsewhere?code=x&state=' + state)).toBe(false);
    expect(attempt.acceptRedirect(`hakobu://callback?code=deep&state=${state}`)).toBe(true);
    await expect(attempt.result).resolves.toMatchObject({
      code: 'deep',
      redirectUri: 'hakobu://callback',
    });
  });
});
