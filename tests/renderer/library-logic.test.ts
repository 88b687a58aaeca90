import { describe, expect, it } from 'vitest';
import {
  defaultGrid,
  gridLayout,
  moveInGrid,
} from '../../src-renderer/features/library/grid-layout';
import { extensionOf, gridItems } from '../../src-renderer/features/library/grid-items';
import {
  appearsIn,
  breadcrumbs,
  childFolder,
  folderLabel,
  relativeKey,
  s3Address,
} from '../../src-renderer/features/library/library-paths';
import { uploadTarget } from '../../src-renderer/features/library/upload-target';
import type { LocationView } from '../../src-main/contract/views';

describe('library paths', () => {
  it('opens folder entries given as names or as paths from the location root', () => {
    expect(childFolder('', 'trip/')).toBe('trip/');
    expect(childFolder('trip/', 'day 1/')).toBe('trip/day 1/');
    expect(childFolder('trip/', 'day 1')).toBe('trip/day 1/');
    expect(childFolder('trip/', 'trip/day 1/')).toBe('trip/day 1/');
    // A subfolder named like its parent is still a child.
    expect(childFolder('a/', 'a/')).toBe('a/a/');
    expect(folderLabel('trip/day 1/')).toBe('day 1');
  });

  it('strips the location prefix from keys that carry it', () => {
    const prefix = 'ap-northeast-1:1f0c/';
    expect(relativeKey('ap-northeast-1:1f0c/trip/a.jpg', prefix)).toBe('trip/a.jpg');
    expect(relativeKey('trip/a.jpg', prefix)).toBe('trip/a.jpg');
    expect(relativeKey('trip/a.jpg', '')).toBe('trip/a.jpg');
  });

  it('knows which folder listings a new object shows up in', () => {
    expect(appearsIn('a.jpg', '')).toBe(true);
    expect(appearsIn('trip/a.jpg', '')).toBe(true); // as the "trip" folder
    expect(appearsIn('trip/a.jpg', 'trip/')).toBe(true);
    expect(appearsIn('trip/a.jpg', 'scans/')).toBe(false);
    expect(appearsIn('trip/', 'trip/')).toBe(false);
  });

  it('builds breadcrumbs and the S3 address users see in the console', () => {
    expect(breadcrumbs('trip/day 1/')).toEqual([
      { label: undefined, path: '' },
      { label: 'trip', path: 'trip/' },
      { label: 'day 1', path: 'trip/day 1/' },
    ]);
    expect(s3Address('b', 'ap-northeast-1:1f0c/', 'trip/')).toBe(
      's3://b/ap-northeast-1:1f0c/trip/',
    );
  });
});

describe('grid layout', () => {
  it('fits as many columns as the width allows and fills the row exactly', () => {
    for (const width of [0, 200, 700, 1280, 2560]) {
      const { columns, tileWidth, rowHeight } = gridLayout(width);
      expect(columns).toBeGreaterThanOrEqual(1);
      const used = columns * tileWidth + (columns - 1) * defaultGrid.gap + 2 * defaultGrid.padding;
      if (width > 2 * defaultGrid.padding + defaultGrid.minTile) {
        expect(used).toBeLessThanOrEqual(width);
        expect(width - used).toBeLessThan(columns); // only rounding is left over
        expect(tileWidth).toBeGreaterThanOrEqual(defaultGrid.minTile);
      }
      expect(rowHeight).toBe(tileWidth + defaultGrid.caption + defaultGrid.gap);
    }
    expect(gridLayout(1280).columns).toBeGreaterThan(gridLayout(700).columns);
  });

  it('moves focus by tile, row and page, and stays inside the grid', () => {
    // 10 tiles in rows of 4: 0-3, 4-7, 8-9.
    expect(moveInGrid('ArrowRight', 3, 10, 4, 2)).toBe(4);
    expect(moveInGrid('ArrowLeft', 0, 10, 4, 2)).toBe(0);
    expect(moveInGrid('ArrowDown', 5, 10, 4, 2)).toBe(9);
    expect(moveInGrid('ArrowDown', 7, 10, 4, 2)).toBe(7);
    expect(moveInGrid('ArrowUp', 9, 10, 4, 2)).toBe(5);
    expect(moveInGrid('Home', 6, 10, 4, 2)).toBe(0);
    expect(moveInGrid('End', 0, 10, 4, 2)).toBe(9);
    expect(moveInGrid('PageDown', 1, 10, 4, 2)).toBe(9);
    expect(moveInGrid('PageUp', 9, 10, 4, 2)).toBe(1);
    expect(moveInGrid('a', 1, 10, 4, 2)).toBeNull();
    expect(moveInGrid('ArrowRight', 0, 0, 4, 2)).toBeNull();
  });
});

describe('grid items', () => {
  it('puts folders first, then objects, with stable ids', () => {
    const object = {
      key: 'trip/a.jpg',
      name: 'a.jpg',
      size: 1,
      lastModified: '',
      isImage: true,
    };
    const items = gridItems('trip/', ['trip/day 1/'], [object]);
    expect(items).toEqual([
      { kind: 'folder', id: 'folder:trip/day 1/', name: 'day 1', path: 'trip/day 1/' },
      { kind: 'object', id: 'object:trip/a.jpg', object },
    ]);
    expect(extensionOf('report.final.pdf')).toBe('PDF');
    expect(extensionOf('.bashrc')).toBe('');
    expect(extensionOf('README')).toBe('');
  });
});

describe('upload target', () => {
  const rw: LocationView = { name: 'Photos', bucket: 'b', prefix: 'p/', access: 'readwrite' };
  const ro: LocationView = { name: 'Archive', bucket: 'b', prefix: 's/', access: 'read' };
  it('uploads to the location on screen when it is writable, else to the first writable one', () => {
    expect(uploadTarget([ro, rw], rw)).toBe(rw);
    expect(uploadTarget([ro, rw], ro)).toBe(rw);
    expect(uploadTarget([ro], ro)).toBeUndefined();
    expect(uploadTarget(null, undefined)).toBeUndefined();
  });
});
