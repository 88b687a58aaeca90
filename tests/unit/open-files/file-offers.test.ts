import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FilesOffer } from '../../../src-main/contract/views';
import { ChosenFiles } from '../../../src-main/core/files';
import { silentLogger } from '../../../src-main/core/log/logger';
import { FileOffers } from '../../../src-main/core/open-files';

const root = mkdtempSync(join(tmpdir(), 'hakobu-offers-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function fixture() {
  const dir = mkdtempSync(join(root, 'case-'));
  const report = join(dir, 'report.pdf');
  writeFileSync(report, 'x'.repeat(1234));
  const album = join(dir, 'album');
  mkdirSync(album);
  const files = new ChosenFiles();
  const events: FilesOffer[] = [];
  const offers = new FileOffers({ files, emit: (o) => events.push(o), log: silentLogger });
  return { dir, report, album, files, events, offers };
}

describe('files opened with Hakobu', () => {
  it('offers names, sizes and handles — never a path — and main resolves the handles', async () => {
    const { report, album, files, events, offers } = fixture();
    await offers.offer([report, album]);
    const offer = offers.pending();
    expect(offer.files.map(({ name, kind, size }) => ({ name, kind, size }))).toEqual([
      { name: 'report.pdf', kind: 'file', size: 1234 },
      { name: 'album', kind: 'folder', size: undefined },
    ]);
    expect(offer.skipped).toBe(0);
    expect(JSON.stringify(offer)).not.toContain(root);
    expect(events).toEqual([offer]);
    expect(files.resolve(offer.files.map((f) => f.handle))).toEqual([report, album]);
  });

  it('adds later files to what already waits, once each', async () => {
    const { report, album, events, offers } = fixture();
    await offers.offer([report]);
    await offers.offer([album, report]);
    expect(offers.pending().files.map((f) => f.name)).toEqual(['report.pdf', 'album']);
    expect(events.at(-1)).toEqual(offers.pending());
  });

  it('skips what is missing, not local, or not a file or folder, and says how many', async () => {
    const { dir, report, offers } = fixture();
    const paths = [report, join(dir, 'gone.txt'), 'relative.txt', 'bad\0name'];
    if (process.platform !== 'win32') {
      const pipe = join(dir, 'pipe');
      execFileSync('mkfifo', [pipe]);
      paths.push(pipe);
    }
    await offers.offer(paths, 2);
    const offer = offers.pending();
    expect(offer.files.map((f) => f.name)).toEqual(['report.pdf']);
    expect(offer.skipped).toBe(paths.length - 1 + 2);
  });

  it('counts a path the registry refuses as skipped, and keeps offering later files', async () => {
    const { dir, report } = fixture();
    const files = new ChosenFiles({ within: join(dir, 'staging') });
    const offers = new FileOffers({ files, emit: () => {}, log: silentLogger });
    await offers.offer([report]);
    const staged = join(dir, 'staging', 'ok.txt');
    mkdirSync(join(dir, 'staging'));
    writeFileSync(staged, 'ok');
    await offers.offer([staged]);
    expect(offers.pending()).toMatchObject({ files: [{ name: 'ok.txt' }], skipped: 1 });
  });

  it('never touches a network path on Windows (refused from the string alone)', async () => {
    const files = new ChosenFiles({ platform: 'win32' });
    const offers = new FileOffers({ files, emit: () => {}, log: silentLogger, platform: 'win32' });
    await offers.offer(['\\\\fileserver\\share\\x.txt', '//fileserver/share/y.txt']);
    expect(offers.pending()).toEqual({ files: [], skipped: 2 });
  });

  it('forgets files the user answered for: their handles stop resolving, the rest still wait', async () => {
    const { report, album, files, offers } = fixture();
    await offers.offer([report, album]);
    const [first, second] = offers.pending().files;
    if (!first || !second) throw new Error('expected two offered files');
    const left = offers.close([first.handle]);
    expect(left.files).toEqual([second]);
    expect(() => files.resolve([first.handle])).toThrow(/no longer knows/);
    expect(files.resolve([second.handle])).toEqual([album]);
    expect(offers.close([second.handle])).toEqual({ files: [], skipped: 0 });
  });
});
