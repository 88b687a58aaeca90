import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIcons, LINUX_ICON_SIZES, type BuiltIcons } from '../../scripts/icons/build-icons';

const svg = resolve(import.meta.dirname, '../../assets/icon.svg');
let out = '';
let icons: BuiltIcons;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'hakobu-icons-'));
  icons = await buildIcons(svg, join(out, 'icons'));
});

afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

describe('the app icon drawn from assets/icon.svg', () => {
  it('comes in every Linux size, each a square PNG of exactly that size', async () => {
    expect(icons.pngs.map((file) => file.slice(icons.pngDir.length + 1))).toEqual(
      LINUX_ICON_SIZES.map((size) => `${size}x${size}.png`),
    );
    for (const [index, size] of LINUX_ICON_SIZES.entries()) {
      const meta = await sharp(icons.pngs[index]).metadata();
      expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({
        format: 'png',
        width: size,
        height: size,
      });
    }
  });

  it('still shows a light mark on the blue tile at 16 px', async () => {
    const { data, info } = await sharp(icons.pngs[0]).raw().toBuffer({ resolveWithObject: true });
    let light = 0;
    let blue = 0;
    for (let i = 0; i < data.length; i += info.channels) {
      const [r = 0, g = 0, b = 0, a = 255] = data.subarray(i, i + info.channels);
      if (a < 128) continue;
      if (r > 200 && g > 200 && b > 200) light++;
      else if (b > 150 && r < 120) blue++;
    }
    // 256 pixels: both the mark and the tile must be plainly there, not smeared into one colour.
    expect(light).toBeGreaterThan(25);
    expect(blue).toBeGreaterThan(60);
  });

  it('encodes a macOS .icns with the 1024 px retina image and a Windows .ico with 256 px', async () => {
    const icns = await readFile(icons.icns);
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(icns.includes(Buffer.from('ic10', 'latin1'))).toBe(true);

    const ico = await readFile(icons.ico);
    expect([...ico.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
    const count = ico.readUInt16LE(4);
    const widths = Array.from({ length: count }, (_, i) => ico[6 + i * 16] || 256);
    expect(widths).toContain(256);
    expect(widths).toContain(16);
  });
});
