// A stand-in for Electron's Linux distribution (the real one cannot be downloaded here), laid out
// the way electron-builder copies it: the `electron` executable beside resources/ and the license
// files. The executable is a tiny script that carries Electron's fuse wire, with Electron's own
// defaults, so electron-builder flips it exactly as it would flip the real binary.
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** @electron/fuses finds the wire right after this marker inside the Electron binary. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/**
 * Electron 45's defaults, one ASCII digit per fuse in FuseV1Options order: RunAsNode on, cookie
 * encryption off, NODE_OPTIONS on, --inspect on, asar integrity off, only-load-from-asar off,
 * the browser V8 snapshot off, file:// privileges on, WASM trap handlers on.
 */
const ELECTRON_DEFAULT_FUSES = '101100011';

/** Writes the stand-in Electron dist into `dir` and returns `dir`. */
export async function writeStandInElectron(dir: string, version: string): Promise<string> {
  await mkdir(join(dir, 'resources'), { recursive: true });
  const wire = Buffer.concat([
    Buffer.from(FUSE_SENTINEL, 'latin1'),
    Buffer.from([1, ELECTRON_DEFAULT_FUSES.length]), // fuse wire version 1, then its length
    Buffer.from(ELECTRON_DEFAULT_FUSES, 'latin1'),
  ]);
  const script = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in Electron: packaging test only" >&2\nexit 1\n# '),
    wire,
    Buffer.from('\n'),
  ]);
  await writeFile(join(dir, 'electron'), script);
  await chmod(join(dir, 'electron'), 0o755);
  await writeFile(join(dir, 'chrome-sandbox'), '');
  await writeFile(join(dir, 'LICENSE'), 'Electron license (stand-in)\n');
  await writeFile(join(dir, 'LICENSES.chromium.html'), '<p>Chromium licenses (stand-in)</p>\n');
  await writeFile(join(dir, 'version'), `${version}\n`);
  return dir;
}
