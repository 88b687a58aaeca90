import { describe, expect, it } from 'vitest';
import type { ConflictPrompt, TransfersSnapshot } from '../../src-main/contract/views';
import { relativePathOf } from '../../src-renderer/bridge/relative-paths';
import {
  captureDrop,
  collectDroppedFiles,
  type EntryLike,
} from '../../src-renderer/features/upload/collect-drop';
import { pendingConflicts } from '../../src-renderer/features/upload/conflict-queue';
import { chunked } from '../../src-renderer/features/upload/chunked';

// Minimal File and Directory Entries, shaped like Chromium's (readEntries hands out batches).
function fileEntry(name: string, readable = true): EntryLike {
  return {
    isFile: true,
    isDirectory: false,
    name,
    file: (ok: (f: File) => void, fail: (e: unknown) => void) =>
      readable ? ok(new File([name], name)) : fail(new Error('NotReadableError')),
  } as EntryLike;
}
function dirEntry(name: string, children: EntryLike[], batch = 100): EntryLike {
  return {
    isFile: false,
    isDirectory: true,
    name,
    createReader: () => {
      let offset = 0;
      return {
        readEntries: (ok: (entries: EntryLike[]) => void) => {
          const next = children.slice(offset, offset + batch);
          offset += next.length;
          setTimeout(() => ok(next), 0);
        },
      };
    },
  } as EntryLike;
}

describe('collecting a drop', () => {
  it('walks dropped folders and records each file relative to the drop', async () => {
    const many = Array.from({ length: 250 }, (_, i) => fileEntry(`IMG_${i}.jpg`));
    const dropped = captureDrop([
      { kind: 'file', getAsFile: () => null, webkitGetAsEntry: () => fileEntry('notes.txt') },
      {
        kind: 'file',
        getAsFile: () => null,
        webkitGetAsEntry: () => dirEntry('trip', [dirEntry('day 1', many), fileEntry('map.png')]),
      },
      { kind: 'string', getAsFile: () => null },
    ]);
    const { files, unreadable } = await collectDroppedFiles(dropped);
    expect(unreadable).toEqual([]);
    // All 250 files of a folder arrive, although readEntries gives at most 100 at a time.
    expect(files).toHaveLength(1 + 250 + 1);
    const paths = files.map(relativePathOf);
    expect(paths[0]).toBe('notes.txt');
    expect(paths).toContain('trip/day 1/IMG_0.jpg');
    expect(paths).toContain('trip/day 1/IMG_249.jpg');
    expect(paths.at(-1)).toBe('trip/map.png');
  });

  it('names unreadable files instead of failing the whole drop', async () => {
    const dropped = captureDrop([
      {
        kind: 'file',
        getAsFile: () => null,
        webkitGetAsEntry: () =>
          dirEntry('docs', [fileEntry('ok.pdf'), fileEntry('locked.pdf', false)]),
      },
    ]);
    const { files, unreadable } = await collectDroppedFiles(dropped);
    expect(files.map(relativePathOf)).toEqual(['docs/ok.pdf']);
    expect(unreadable).toEqual(['docs/locked.pdf']);
  });

  it('falls back to the plain File when the browser gives no entry', async () => {
    const file = new File(['x'], 'made-up.bin');
    const { files } = await collectDroppedFiles(
      captureDrop([{ kind: 'file', getAsFile: () => file, webkitGetAsEntry: () => null }]),
    );
    expect(files).toEqual([file]);
    expect(relativePathOf(file)).toBe('made-up.bin');
  });
});

describe('enqueue requests', () => {
  it('splits long lists into requests the contract accepts', () => {
    const chunks = chunked(
      Array.from({ length: 25_001 }, (_, i) => i),
      10_000,
    );
    expect(chunks.map((c) => c.length)).toEqual([10_000, 10_000, 5_001]);
  });
});

describe('pending conflicts', () => {
  const prompt = (itemId: string): ConflictPrompt => ({
    itemId,
    location: 'Photos',
    key: `${itemId}.jpg`,
    existing: { size: 10, lastModified: '2026-01-01T00:00:00Z' },
  });
  const snapshot = (states: Record<string, string>): TransfersSnapshot =>
    ({
      items: Object.entries(states).map(([id, state]) => ({
        id,
        name: `${id}.jpg`,
        location: 'Photos',
        key: `${id}.jpg`,
        size: 1,
        sentBytes: 0,
        state,
      })),
      total: { size: 0, sentBytes: 0, active: 0, completed: 0, failed: 0 },
    }) as TransfersSnapshot;

  it('drops prompts that were settled, keeps ones not yet in a snapshot', () => {
    const waiting = pendingConflicts(
      [prompt('a'), prompt('b'), prompt('c')],
      snapshot({ a: 'conflict', b: 'skipped' }),
    );
    expect(waiting.map((c) => c.itemId)).toEqual(['a', 'c']);
  });

  it('asks about conflicts whose prompt this window missed', () => {
    const waiting = pendingConflicts([], snapshot({ x: 'conflict', y: 'uploading' }));
    expect(waiting).toEqual([{ itemId: 'x', location: 'Photos', key: 'x.jpg' }]);
  });
});
