import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scanPaths } from '../../../src-main/core/transfers/scan';

let root: string;
let home: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'hakobu-scan-links-'));
  // What a link in an untrusted archive would reach for: files beside the dropped folder.
  home = join(root, 'home');
  mkdirSync(join(home, '.ssh'), { recursive: true });
  writeFileSync(join(home, '.ssh', 'id_rsa'), 'private key');
  writeFileSync(join(home, 'notes.txt'), 'notes');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('symbolic links in a dropped folder', () => {
  it('skips and lists links that lead outside it, and follows links that stay inside', async () => {
    const drop = join(root, 'unpacked');
    mkdirSync(join(drop, 'album'), { recursive: true });
    writeFileSync(join(drop, 'album', 'cat.jpg'), 'cat');
    symlinkSync(join(home, '.ssh', 'id_rsa'), join(drop, 'album', 'dog.jpg')); // a file outside
    symlinkSync(join(home, '.ssh'), join(drop, 'keys')); // a folder outside
    symlinkSync('../../home/notes.txt', join(drop, 'album', 'relative.txt')); // outside, relatively
    symlinkSync('album', join(drop, 'same-album')); // a folder inside
    symlinkSync(join('album', 'cat.jpg'), join(drop, 'cat-again.jpg')); // a file inside

    const { files, problems, skippedLinks } = await scanPaths([drop]);

    expect(files.map((f) => f.relativePath)).toEqual([
      'unpacked/album/cat.jpg',
      'unpacked/cat-again.jpg',
      'unpacked/same-album/cat.jpg',
    ]);
    // The album's outside links are met twice: through the folder and through the link to it.
    expect(skippedLinks.sort()).toEqual([
      'unpacked/album/dog.jpg',
      'unpacked/album/relative.txt',
      'unpacked/keys',
      'unpacked/same-album/dog.jpg',
      'unpacked/same-album/relative.txt',
    ]);
    expect(problems).toEqual([]);
  });

  it('follows a dropped path that is itself a link, and judges links below by where it leads', async () => {
    const real = join(root, 'real-folder');
    mkdirSync(real);
    writeFileSync(join(real, 'a.txt'), 'a');
    symlinkSync(join(home, 'notes.txt'), join(real, 'escape.txt'));
    symlinkSync(real, join(root, 'chosen-folder'));
    symlinkSync(join(home, 'notes.txt'), join(root, 'chosen-file.txt'));

    const { files, skippedLinks } = await scanPaths([
      join(root, 'chosen-folder'),
      join(root, 'chosen-file.txt'),
    ]);

    expect(files.map((f) => f.relativePath)).toEqual(['chosen-folder/a.txt', 'chosen-file.txt']);
    expect(skippedLinks).toEqual(['chosen-folder/escape.txt']);
  });
});
