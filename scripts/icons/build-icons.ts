// Renders the one hand-drawn icon (assets/icon.svg) into every file the installers need, so no
// icon binary is kept in git: PNGs for Linux (each size rendered from the SVG, crisper than
// scaling one bitmap down), and icon.icns / icon.ico encoded by png2icons from a 1024 px render.
// `npm run dist` runs it first; electron-builder.yml points at its output, build/icons/.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import png2icons from 'png2icons';
import sharp from 'sharp';

/** The square PNG sizes Linux desktops look for (hicolor theme), 16 px to 1024 px. */
export const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;

/** What buildIcons wrote, by role. */
export interface BuiltIcons {
  icns: string;
  ico: string;
  pngDir: string;
  pngs: string[];
}

/** Renders `svgPath` at `size` × `size` pixels as a PNG, drawing the vector at that size. */
export async function renderPng(svgPath: string, size: number): Promise<Buffer> {
  // The SVG is 1024 units wide: a density of 72 × size / 1024 rasterizes it at exactly `size`.
  const density = Math.max(1, (72 * size) / 1024);
  return sharp(svgPath, { density }).resize(size, size).png().toBuffer();
}

/** Writes icon.icns, icon.ico and png/<n>x<n>.png for every Linux size into `outDir`. */
export async function buildIcons(svgPath: string, outDir: string): Promise<BuiltIcons> {
  const pngDir = join(outDir, 'png');
  await rm(outDir, { recursive: true, force: true });
  await mkdir(pngDir, { recursive: true });
  const pngs: string[] = [];
  let largest: Buffer | undefined;
  for (const size of LINUX_ICON_SIZES) {
    const png = await renderPng(svgPath, size);
    const file = join(pngDir, `${size}x${size}.png`);
    await writeFile(file, png);
    pngs.push(file);
    largest = png;
  }
  if (!largest) throw new Error('build-icons: no PNG size was rendered');
  const icns = png2icons.createICNS(largest, png2icons.BICUBIC2, 0);
  // PNG-compressed entries keep the .ico small; forWinExe keeps the 256 px entry usable by rcedit.
  const ico = png2icons.createICO(largest, png2icons.BICUBIC2, 0, true, true);
  if (!icns || !ico) throw new Error(`build-icons: png2icons could not encode ${svgPath}`);
  const icnsPath = join(outDir, 'icon.icns');
  const icoPath = join(outDir, 'icon.ico');
  await writeFile(icnsPath, icns);
  await writeFile(icoPath, ico);
  return { icns: icnsPath, ico: icoPath, pngDir, pngs };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = resolve(import.meta.dirname, '../..');
  const built = await buildIcons(join(root, 'assets/icon.svg'), join(root, 'build/icons'));
  console.log(`build-icons: ${built.pngs.length} PNG sizes, icon.icns and icon.ico in build/icons`);
}
