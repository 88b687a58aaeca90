import type { Protocol } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MediaServer } from '../../../src-main/core/library/media-url';
import { registerMediaProtocol } from '../../../src-main/electron/protocols/media-protocol';
import { MockProtocol } from '../../mocks/electron';

const through = (serve: MediaServer, url = 'hakobu-media://image/demo/cat.jpg') => {
  const protocol = new MockProtocol();
  registerMediaProtocol(protocol as unknown as Protocol, serve);
  return protocol.fetch(url);
};

describe('what the hakobu-media protocol hands Chromium', () => {
  it("passes the core's type and disposition through, never sniffed even if a server forgot", async () => {
    const res = await through(
      async () =>
        new Response('jpeg-bytes', {
          headers: {
            'Content-Type': 'image/jpeg',
            'Content-Disposition': "inline; filename*=UTF-8''cat.jpg",
          },
        }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('content-disposition')).toBe("inline; filename*=UTF-8''cat.jpg");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('jpeg-bytes');
  });

  it.each(['text/html', 'text/javascript', 'image/svg+xml', 'application/octet-stream'])(
    'refuses a success typed %s, whichever server answered',
    async (type) => {
      const res = await through(
        async () =>
          new Response('<script>alert(1)</script>', { headers: { 'Content-Type': type } }),
      );
      expect(res.status).toBe(415);
      expect(res.headers.get('x-hakobu-error')).toBe('library.notAnImage');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).not.toContain('<script>');
    },
  );
});
