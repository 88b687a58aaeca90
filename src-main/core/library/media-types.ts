// What a media response may claim to be. Main decides an original's Content-Type from the key and
// the object's own first bytes, never from the Content-Type stored with it: any tool with write
// access to the bucket can store `text/html` or `text/javascript` beside an object, and an origin
// that echoes it would run that object as a page. Only raster formats are allowed: SVG is a
// document that can carry script, so it is never served as an original (sharp draws thumbnails
// of it, which are WebP).
import { LibraryError } from './errors';
import { isImageName, objectName } from './keys';

/** The Content-Types main serves originals as; every one is a raster format with no script. */
export const RASTER_IMAGE_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/heic',
  'image/heif',
  'image/tiff',
  'image/bmp',
] as const;
export type RasterImageType = (typeof RASTER_IMAGE_TYPES)[number];

/** How many leading bytes sniffImageType needs to recognise every type it knows. */
export const SNIFF_BYTES = 64;

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, start + length));
const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
const uint32 = (bytes: Uint8Array, at: number, littleEndian: boolean) =>
  bytes.length < at + 4
    ? -1
    : new DataView(bytes.buffer, bytes.byteOffset + at, 4).getUint32(0, littleEndian);

const AVIF_BRANDS = new Set(['avif', 'avis']);
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
const HEIF_BRANDS = new Set(['mif1', 'msf1']);
// BITMAPCOREHEADER, BITMAPINFOHEADER and its later versions: "BM" alone is too weak a signature.
const BMP_DIB_HEADER_SIZES = new Set([12, 40, 52, 56, 64, 108, 124]);

// HEIF and AVIF are ISO-BMFF files: an `ftyp` box whose major or compatible brands name the format.
function isoBmffType(bytes: Uint8Array): RasterImageType | undefined {
  if (ascii(bytes, 4, 4) !== 'ftyp') return undefined;
  const boxEnd = Math.min(uint32(bytes, 0, false), bytes.length);
  const major = ascii(bytes, 8, 4);
  const compatible: string[] = [];
  for (let at = 16; at + 4 <= boxEnd; at += 4) compatible.push(ascii(bytes, at, 4));
  const brands = [major, ...compatible];
  if (AVIF_BRANDS.has(major)) return 'image/avif';
  if (HEIC_BRANDS.has(major)) return 'image/heic';
  if (!HEIF_BRANDS.has(major)) return undefined;
  if (brands.some((brand) => AVIF_BRANDS.has(brand))) return 'image/avif';
  if (brands.some((brand) => HEIC_BRANDS.has(brand))) return 'image/heic';
  return 'image/heif';
}

/** The raster image type an object's leading bytes show, or undefined for anything else. */
export function sniffImageType(bytes: Uint8Array): RasterImageType | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'image/webp';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) {
    return 'image/tiff';
  }
  if (ascii(bytes, 0, 2) === 'BM' && BMP_DIB_HEADER_SIZES.has(uint32(bytes, 14, true))) {
    return 'image/bmp';
  }
  return isoBmffType(bytes);
}

/**
 * True when a key's name is one the library shows as a picture (the extension allowlist the
 * listing uses, which holds no SVG); only such keys are fetched for the `image` kind at all.
 */
export function mayServeAsImage(key: string): boolean {
  const name = objectName(key);
  return isImageName(name) && !name.toLowerCase().endsWith('.svg');
}

/** True for a Content-Type header value that is exactly one of the raster types main serves. */
export function isRasterImageType(contentType: string | null | undefined): boolean {
  return (RASTER_IMAGE_TYPES as readonly string[]).includes(contentType ?? '');
}

/** The error for an object main will not serve as an image: its name or its bytes say otherwise. */
export function notAnImage(key: string): LibraryError {
  return new LibraryError(
    'library.notAnImage',
    `${objectName(key) || key} is not an image Hakobu can show. Download it to open it.`,
    { key },
  );
}

// RFC 5987 attr-chars: encodeURIComponent leaves ' ( ) * bare, which the grammar does not allow.
const encodeAttrValue = (value: string) =>
  encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/**
 * `inline`, with the object's name percent-encoded as RFC 6266's `filename*` (ASCII only, so no
 * quote, semicolon or line break in a key can end the header or add a parameter); the name is
 * what "Save image as" proposes.
 */
export function inlineDisposition(name?: string): string {
  return name ? `inline; filename*=UTF-8''${encodeAttrValue(name)}` : 'inline';
}

/** Headers every media response carries, success or error: never sniffed, never a document. */
export const MEDIA_SAFETY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; sandbox",
};
