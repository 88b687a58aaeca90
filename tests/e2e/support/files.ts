import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';

/** A file as the page will build it: name, MIME type and bytes (base64, to cross into the page). */
export interface PageFile {
  name: string;
  type: string;
  base64: string;
}

/** A photo-like image: a diagonal colour gradient, so a thumbnail that renders is plainly visible. */
export async function testImage(
  name: string,
  format: 'png' | 'jpeg',
  hue: [number, number, number],
): Promise<PageFile> {
  const width = 640;
  const height = 480;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const shade = (x + y) / (width + height);
      const at = (y * width + x) * 3;
      pixels[at] = Math.round(hue[0] * shade);
      pixels[at + 1] = Math.round(hue[1] * shade);
      pixels[at + 2] = Math.round(hue[2] * (1 - shade));
    }
  }
  const image = sharp(pixels, { raw: { width, height, channels: 3 } });
  const bytes = await (format === 'png' ? image.png() : image.jpeg({ quality: 85 })).toBuffer();
  return { name, type: `image/${format}`, base64: bytes.toString('base64') };
}

/** A folder on disk named `name` holding `count` small text files; returns its path. */
export function testFolder(name: string, count: number): { path: string; files: string[] } {
  const path = join(mkdtempSync(join(tmpdir(), 'hakobu-e2e-folder-')), name);
  mkdirSync(path);
  const files = Array.from(
    { length: count },
    (_, i) => `note-${String(i + 1).padStart(2, '0')}.txt`,
  );
  for (const file of files) writeFileSync(join(path, file), `${file}\n${'hakobu '.repeat(200)}\n`);
  return { path, files };
}

/** A file of `size` bytes of varied content (so nothing along the way can compress it away). */
export function testBlob(name: string, size: number): PageFile {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i += 4) bytes.writeUInt32LE((i * 2654435761) >>> 0, i);
  return { name, type: 'application/octet-stream', base64: bytes.toString('base64') };
}
