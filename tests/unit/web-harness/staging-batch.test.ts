import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { batchHeader } from '../../../src-main/contract/staging';
import { BatchFormatError, stageBatch } from '../../../src-main/web-harness/staging-batch';

type Entry = [name: string, content: string];

const batchOf = (entries: readonly Entry[]): Buffer =>
  Buffer.concat(
    entries.flatMap(([name, content]) => [
      Buffer.from(batchHeader(name, Buffer.byteLength(content))),
      Buffer.from(content),
    ]),
  );

/** The body as the network delivers it: in chunks that ignore where files begin and end. */
const chunked = (data: Buffer, size: number) =>
  Readable.from(
    Array.from({ length: Math.ceil(data.length / size) }, (_, n) =>
      data.subarray(n * size, (n + 1) * size),
    ),
  );

const stagingDir = () => mkdtempSync(join(tmpdir(), 'hakobu-batch-'));

describe('batch staging in the web harness', () => {
  it.each([1, 7, 64 * 1024])(
    'writes every file of a drop with its folders, whatever the chunking (%i bytes)',
    async (chunk) => {
      const dir = stagingDir();
      const entries: Entry[] = [
        ['note.txt', 'hello'],
        ['旅行/day 1/富士山.jpg', 'jpeg bytes\nwith a newline'],
        ['旅行/empty.txt', ''],
        ['旅行/b.jpg', 'x'.repeat(100_000)],
      ];
      const tops = await stageBatch(dir, chunked(batchOf(entries), chunk), 'drop-12345678');
      expect(tops.map((top) => relative(dir, top))).toEqual([
        join('drop-12345678', 'note.txt'),
        join('drop-12345678', '旅行'),
      ]);
      for (const [name, content] of entries) {
        const path = join(dir, 'drop-12345678', name);
        expect([name, readFileSync(path, 'utf8')]).toEqual([name, content]);
        expect(statSync(path).mode & 0o777).toBe(0o600);
      }
    },
  );

  it.each([
    ['a name that leaves the drop', batchOf([['../escape.txt', 'x']])],
    ['a header that is not JSON', Buffer.from('not json\nxx')],
    ['a size that is not a number', Buffer.from('{"name":"a.txt","size":"2"}\nxx')],
    ['a body cut off mid-file', batchOf([['a.txt', 'abcdef']]).subarray(0, -2)],
  ])('refuses %s and writes nothing outside the drop', async (_what, body) => {
    const dir = stagingDir();
    await expect(stageBatch(dir, Readable.from([body]), 'drop-12345678')).rejects.toBeInstanceOf(
      BatchFormatError,
    );
    expect(readdirSync(dir).filter((name) => name !== 'drop-12345678')).toEqual([]);
  });
});
