import { describe, expect, it } from 'vitest';
import {
  createDeepLinkDispatcher,
  MAX_BUFFERED_DEEP_LINKS,
  MAX_DEEP_LINK_LENGTH,
} from '../../../src-main/electron/deep-links';

describe('hakobu:// deep links', () => {
  it('keeps links that arrive before anyone listens and hands them to the first subscriber', () => {
    const links = createDeepLinkDispatcher();
    expect(links.deliver('hakobu://callback?code=abc&state=xyz')).toBe(true);
    const seen: URL[] = [];
    links.subscribe((url) => seen.push(url));
    expect(seen.map((url) => [url.host, url.searchParams.get('code')])).toEqual([
      ['callback', 'abc'],
    ]);
    links.deliver('hakobu://callback?code=def');
    expect(seen).toHaveLength(2);
  });

  it('refuses anything but a hakobu: URL of sane length', () => {
    const links = createDeepLinkDispatcher();
    const seen: string[] = [];
    links.subscribe((url) => seen.push(url.href));
    for (const bad of [
      'https://evil.example/callback',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'hakobu-media://thumb/x',
      'not a url',
      `hakobu://callback?code=${'a'.repeat(MAX_DEEP_LINK_LENGTH)}`,
      42,
      undefined,
    ]) {
      expect(links.deliver(bad)).toBe(false);
    }
    expect(seen).toEqual([]);
  });

  it('keeps only the latest links while nobody listens', () => {
    const links = createDeepLinkDispatcher();
    for (let i = 0; i < MAX_BUFFERED_DEEP_LINKS + 3; i++) links.deliver(`hakobu://callback?n=${i}`);
    const seen: string[] = [];
    links.subscribe((url) => seen.push(url.searchParams.get('n') ?? ''));
    expect(seen).toHaveLength(MAX_BUFFERED_DEEP_LINKS);
    expect(seen[0]).toBe('3');
  });

  it('stops delivering to a listener that unsubscribed, and buffers again', () => {
    const links = createDeepLinkDispatcher();
    const seen: string[] = [];
    const unsubscribe = links.subscribe((url) => seen.push(url.href));
    unsubscribe();
    links.deliver('hakobu://callback?late=1');
    expect(seen).toEqual([]);
    links.subscribe((url) => seen.push(url.href));
    expect(seen).toEqual(['hakobu://callback?late=1']);
  });
});
