import { describe, expect, it } from 'vitest';
import { mediaUrl, parseMediaUrl } from '../../../src-main/core/library/media-url';

describe('hakobu-media URLs', () => {
  it('round-trips a Japanese file name inside a folder', () => {
    const url = mediaUrl('thumb', 'Team photos', '旅行/富士山 1.jpg');
    expect(parseMediaUrl(url)).toEqual({
      ok: true,
      request: { kind: 'thumb', location: 'Team photos', relativePath: '旅行/富士山 1.jpg' },
    });
  });

  it.each([
    ['dot-dot segment', 'hakobu-media://image/demo/../other/secret.jpg'],
    ['encoded dot-dot', 'hakobu-media://image/demo/%2e%2e/other/secret.jpg'],
    ['upper-case encoded dot-dot', 'hakobu-media://image/demo/%2E%2E/secret.jpg'],
    ['encoded slash hiding a traversal', 'hakobu-media://image/demo/a%2f..%2fb.jpg'],
    ['backslash', 'hakobu-media://image/demo/..%5csecret.jpg'],
    ['absolute key (empty first segment)', 'hakobu-media://image/demo//etc/passwd'],
    ['control character', 'hakobu-media://image/demo/a%00.jpg'],
    ['no path', 'hakobu-media://image/demo'],
    ['unknown kind', 'hakobu-media://file/demo/a.jpg'],
    ['other scheme', 'file:///etc/passwd'],
    ['query string', 'hakobu-media://image/demo/a.jpg?x=1'],
    ['broken escape', 'hakobu-media://image/demo/%E0%A4%A.jpg'],
  ])('rejects %s', (_name, url) => {
    expect(parseMediaUrl(url).ok).toBe(false);
  });
});
