import { describe, expect, it } from 'vitest';
import {
  ChosenFiles,
  FILE_HANDLE_PATTERN,
  nonLocalPathProblem,
} from '../../../src-main/core/files';

describe('paths a user may choose', () => {
  it.each([
    ['\\\\fileserver\\share\\photo.jpg', 'UNC'],
    ['//fileserver/share/photo.jpg', 'UNC'],
    ['\\\\?\\C:\\Users\\hana\\a.jpg', 'device'],
    ['\\\\.\\PhysicalDrive0', 'device'],
    ['C:relative.jpg', 'absolute'],
    ['photos\\a.jpg', 'absolute'],
  ])('refuses %j on Windows without touching it', (path, why) => {
    expect(nonLocalPathProblem(path, 'win32')).toContain(why);
  });

  it('accepts a local Windows drive path and an absolute POSIX path', () => {
    expect(nonLocalPathProblem('C:\\Users\\hana\\写真\\a.jpg', 'win32')).toBeUndefined();
    expect(nonLocalPathProblem('/Users/hana/写真/a.jpg', 'darwin')).toBeUndefined();
  });

  it('refuses relative paths and NUL bytes everywhere', () => {
    expect(nonLocalPathProblem('a.jpg', 'linux')).toBeDefined();
    expect(nonLocalPathProblem('/tmp/a\0.jpg', 'linux')).toBeDefined();
  });
});

describe('chosen files', () => {
  it('hands out opaque handles that name no path, and resolves them in order', () => {
    const files = new ChosenFiles({ platform: 'linux' });
    const chosen = files.register(['/home/hana/trip', '/home/hana/notes.txt']);
    expect(chosen.map((c) => c.name)).toEqual(['trip', 'notes.txt']);
    for (const { handle } of chosen) {
      expect(handle).toMatch(FILE_HANDLE_PATTERN);
      expect(handle).not.toContain('hana');
    }
    expect(files.resolve(chosen.map((c) => c.handle).reverse())).toEqual([
      '/home/hana/notes.txt',
      '/home/hana/trip',
    ]);
  });

  it('gives the same path the same handle, so one dropped folder is queued once', () => {
    const files = new ChosenFiles({ platform: 'linux' });
    const [first] = files.register(['/tmp/staging/b1/trip']);
    const [again] = files.register(['/tmp/staging/b1/trip']);
    expect(again?.handle).toBe(first?.handle);
  });

  it('refuses a handle it never gave, with an error that says what to do', () => {
    const files = new ChosenFiles({ platform: 'linux' });
    expect(() => files.resolve(['fh_AAAAAAAAAAAAAAAAAAAAAA'])).toThrow(/choose the files again/);
  });

  it('refuses a network path with a clear error', () => {
    const files = new ChosenFiles({ platform: 'win32' });
    expect(() => files.register(['\\\\evil\\share\\x.jpg'])).toThrow(
      expect.objectContaining({ code: 'upload.notLocal' }),
    );
  });

  it('in the harness, registers only staged copies', () => {
    const files = new ChosenFiles({ within: '/tmp/hakobu-staging-x', platform: 'linux' });
    expect(files.register(['/tmp/hakobu-staging-x/b1/a.jpg'])).toHaveLength(1);
    for (const outside of [
      '/etc/hostname',
      '/tmp/hakobu-staging-x/../id_rsa',
      '/tmp/hakobu-staging-xy/a',
    ]) {
      expect(() => files.register([outside])).toThrow(
        expect.objectContaining({ code: 'upload.notChosen' }),
      );
    }
  });

  it('forgets the oldest handles past its capacity, so memory stays bounded', () => {
    const files = new ChosenFiles({ capacity: 2, platform: 'linux' });
    const [a, b, c] = files.register(['/a', '/b', '/c']).map((chosen) => chosen.handle);
    expect(files.resolve([b ?? '', c ?? ''])).toEqual(['/b', '/c']);
    expect(() => files.resolve([a ?? ''])).toThrow();
  });
});
