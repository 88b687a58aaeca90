import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Protocol } from 'electron';
import {
  registerAppProtocol,
  resolveAppAsset,
} from '../../../src-main/electron/protocols/app-protocol';
import { registerMediaProtocol } from '../../../src-main/electron/protocols/media-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/electron/security/csp';
import { MockProtocol } from '../../mocks/electron';

describe('hakobu-media protocol', () => {
  const setup = () => {
    const protocol = new MockProtocol();
    const serve = vi.fn(
      async () => new Response('webp-bytes', { headers: { 'Content-Type': 'image/webp' } }),
    );
    registerMediaProtocol(protocol as unknown as Protocol, serve);
    return { protocol, serve };
  };

  it('serves a vetted request through the library', async () => {
    const { protocol, serve } = setup();
    const res = await protocol.fetch('hakobu-media://thumb/demo/photos/cat.jpg');
    expect(res.status).toBe(200);
    expect(serve).toHaveBeenCalledWith({
      kind: 'thumb',
      location: 'demo',
      relativePath: 'photos/cat.jpg',
    });
  });

  it.each([
    'hakobu-media://thumb/demo/../../other-user/cat.jpg',
    'hakobu-media://thumb/demo/%2e%2e/%2e%2e/other-user/cat.jpg',
    'hakobu-media://thumb/demo//etc/passwd',
    'hakobu-media://thumb/demo/..%2f..%2fsecret',
  ])('answers 404 to %s without asking the library', async (url) => {
    const { protocol, serve } = setup();
    expect((await protocol.fetch(url)).status).toBe(404);
    expect(serve).not.toHaveBeenCalled();
  });

  it('turns a library failure into 502 rather than leaking its message', async () => {
    const protocol = new MockProtocol();
    registerMediaProtocol(protocol as unknown as Protocol, async () => {
      throw new Error('ExpiredToken for ASIA...');
    });
    const res = await protocol.fetch('hakobu-media://image/demo/a.jpg');
    expect(res.status).toBe(502);
    expect(await res.text()).not.toContain('ASIA');
  });
});

describe('hakobu-app protocol', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hakobu-renderer-'));
  const renderer = join(dir, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Hakobu</title>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'outside the bundle');

  it('serves the bundle with the CSP header', async () => {
    const protocol = new MockProtocol();
    registerAppProtocol(protocol as unknown as Protocol, renderer);
    const res = await protocol.fetch('hakobu-app://app/');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(
      (await protocol.fetch('hakobu-app://app/assets/app.js')).headers.get('Content-Type'),
    ).toContain('javascript');
  });

  it.each([
    'hakobu-app://app/../secret.txt',
    'hakobu-app://app/%2e%2e/secret.txt',
    'hakobu-app://app/assets/..%2f..%2fsecret.txt',
    'hakobu-app://app/..%5csecret.txt',
    'hakobu-app://other/index.html',
  ])('never serves anything outside the bundle for %s', async (url) => {
    const resolved = resolveAppAsset(renderer, url);
    expect(resolved === null || resolved.startsWith(renderer + sep)).toBe(true);
    const protocol = new MockProtocol();
    registerAppProtocol(protocol as unknown as Protocol, renderer);
    const res = await protocol.fetch(url);
    expect(res.status).toBe(404);
  });
});
