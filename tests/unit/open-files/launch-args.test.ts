import { describe, expect, it } from 'vitest';
import {
  MAX_ARGUMENT_LENGTH,
  MAX_LAUNCH_PATHS,
  parseLaunchArgs,
} from '../../../src-main/core/open-files';

const packaged = { defaultApp: false, cwd: '/home/hana', platform: 'linux' as const };
const dev = { ...packaged, defaultApp: true };

describe('reading files and hakobu: URLs from a command line', () => {
  it('takes every operand of a packaged app as a file, resolved against its working folder', () => {
    expect(parseLaunchArgs(['/opt/Hakobu/hakobu', 'photos/a.jpg', '/tmp/b.pdf'], packaged)).toEqual(
      { paths: ['/home/hana/photos/a.jpg', '/tmp/b.pdf'], urls: [], skipped: 0 },
    );
  });

  it("skips Electron's and Chromium's switches, wherever they appear", () => {
    const argv = [
      '/opt/Hakobu/hakobu',
      '--no-sandbox',
      '--original-process-start-time=13350000000',
      'a.txt',
      '-v',
      '--allow-file-access-from-files',
      'b.txt',
    ];
    expect(parseLaunchArgs(argv, packaged).paths).toEqual(['/home/hana/a.txt', '/home/hana/b.txt']);
  });

  it('skips the app path of a development run (electron <app> …), after any switches', () => {
    const argv = ['/repo/node_modules/electron/dist/electron', '--inspect', '.', 'report.pdf'];
    expect(parseLaunchArgs(argv, dev).paths).toEqual(['/home/hana/report.pdf']);
    // The same line, packaged, would have offered the app folder itself.
    expect(parseLaunchArgs(argv, packaged).paths).toEqual(['/home/hana', '/home/hana/report.pdf']);
  });

  it('takes everything after a lone -- as a file, so a name starting with - still works', () => {
    expect(parseLaunchArgs(['hakobu', '--', '-draft.txt', '--x'], packaged).paths).toEqual([
      '/home/hana/-draft.txt',
      '/home/hana/--x',
    ]);
  });

  it('separates hakobu: URLs (any letter case) from files and never resolves them as paths', () => {
    const result = parseLaunchArgs(
      ['hakobu', 'hakobu://callback?code=1&state=2', 'HAKOBU://x', 'notes.txt'],
      packaged,
    );
    expect(result.urls).toEqual(['hakobu://callback?code=1&state=2', 'HAKOBU://x']);
    expect(result.paths).toEqual(['/home/hana/notes.txt']);
  });

  it("turns file: URLs of this computer into paths (a desktop entry's %U), refusing other hosts", () => {
    const result = parseLaunchArgs(
      [
        '/opt/Hakobu/hakobu',
        'file:///home/hana/My%20Photos/a%20b.jpg',
        'file://localhost/tmp/c.txt',
        'file://fileserver/share/d.txt',
      ],
      packaged,
    );
    expect(result.paths).toEqual(['/home/hana/My Photos/a b.jpg', '/tmp/c.txt']);
    expect(result.skipped).toBe(1);
  });

  it('resolves Windows paths as Windows does, keeping a UNC path for the later refusal', () => {
    const result = parseLaunchArgs(
      ['C:\\Program Files\\Hakobu\\Hakobu.exe', 'report.pdf', '\\\\fileserver\\share\\x.txt'],
      { defaultApp: false, cwd: 'C:\\Users\\hana\\Desktop', platform: 'win32' },
    );
    expect(result.paths).toEqual([
      'C:\\Users\\hana\\Desktop\\report.pdf',
      '\\\\fileserver\\share\\x.txt',
    ]);
  });

  it('caps how many files one launch offers, and counts what it left out', () => {
    const many = Array.from({ length: MAX_LAUNCH_PATHS + 5 }, (_, i) => `f${i}.txt`);
    const result = parseLaunchArgs(
      ['hakobu', ...many, 'x'.repeat(MAX_ARGUMENT_LENGTH + 1)],
      packaged,
    );
    expect(result.paths).toHaveLength(MAX_LAUNCH_PATHS);
    expect(result.skipped).toBe(6);
  });
});
