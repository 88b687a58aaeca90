import { describe, expect, it } from 'vitest';
import { numberedName, safeLocalName } from '../../../src-main/core/library/local-names';

describe('local file names for downloads', () => {
  it('numbers a taken name before its extension', () => {
    expect(numberedName('beach.png', 0)).toBe('beach.png');
    expect(numberedName('beach.png', 1)).toBe('beach (1).png');
    expect(numberedName('archive.tar.gz', 2)).toBe('archive.tar (2).gz');
    expect(numberedName('README', 3)).toBe('README (3)');
  });

  it('turns macOS NFD names into NFC', () => {
    const nfd = 'ガ.jpg'.normalize('NFD');
    expect(safeLocalName(nfd)).toBe('ガ.jpg'.normalize('NFC'));
  });

  it('avoids names Windows refuses', () => {
    expect(safeLocalName('con.txt')).toBe('_con.txt');
    expect(safeLocalName('trailing. ')).toBe('trailing');
    expect(safeLocalName('...')).toBe('download');
    expect(safeLocalName('')).toBe('download');
  });

  it('shortens very long names by whole characters and keeps the extension', () => {
    const long = `${'写'.repeat(200)}.jpeg`;
    const safe = safeLocalName(long);
    expect(Buffer.byteLength(safe)).toBeLessThanOrEqual(240);
    expect(safe.endsWith('写.jpeg')).toBe(true);
  });
});
