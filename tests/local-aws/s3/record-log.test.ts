import { fdatasync } from 'node:fs';
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test, vi } from 'vitest';
import {
  closeBucket,
  contents,
  dataFolder,
  logLines,
  logPath,
  openTestBucket,
  putBody,
} from './storage-kit';

const realSync = promisify(fdatasync);

describe('the record log of a bucket', () => {
  test('a restart after many puts, overwrites and deletes gives the same listing and bytes', async () => {
    const data = dataFolder();
    const bucket = openTestBucket(data);
    const writes: Promise<void>[] = [];
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 40; i++) writes.push(putBody(bucket, `k/${i}`, `v${round}-${i}`));
      for (let i = round; i < 40; i += 7) writes.push(bucket.objects.delete(`k/${i}`));
    }
    await Promise.all(writes);
    const before = contents(bucket);
    expect(before.length).toBeGreaterThan(20);
    await closeBucket(bucket);

    const reopened = openTestBucket(data);
    expect(contents(reopened)).toEqual(before);
    // Overwritten and deleted bodies are swept: only the live objects' blobs are left.
    expect(readdirSync(join(data, 's3', 'b', 'blobs'))).toHaveLength(before.length);
  });

  test('a put and then a delete of one key land in that order, within one batch or across two', async () => {
    const data = dataFolder();
    const bucket = openTestBucket(data);
    const put = putBody(bucket, 'gone', 'x');
    const deleted = bucket.objects.delete('gone');
    const kept = putBody(bucket, 'kept', 'first');
    const overwritten = putBody(bucket, 'kept', 'second');
    await Promise.all([put, deleted, kept, overwritten]);
    await closeBucket(bucket);
    expect(contents(openTestBucket(data))).toEqual([['kept', 'second']]);
  });

  test('a torn last line (a write a crash cut short) is ignored and cut off', async () => {
    const data = dataFolder();
    const bucket = openTestBucket(data);
    await Promise.all([putBody(bucket, 'a', 'A'), putBody(bucket, 'b', 'B')]);
    await closeBucket(bucket);
    appendFileSync(logPath(data), '{"o":{"key":"c","size":1,"etag":"e","lastModi');

    const reopened = openTestBucket(data);
    expect(contents(reopened)).toEqual([
      ['a', 'A'],
      ['b', 'B'],
    ]);
    expect(readFileSync(logPath(data), 'utf8').endsWith('\n')).toBe(true);
    // Appends after the cut start on a line of their own, so they survive the next restart.
    await putBody(reopened, 'd', 'D');
    await closeBucket(reopened);
    expect(contents(openTestBucket(data)).map(([key]) => key)).toEqual(['a', 'b', 'd']);
  });

  test('compaction rewrites the log to its live records and keeps every one of them', async () => {
    const data = dataFolder();
    const options = { compactMinLines: 30, compactRatio: 3 };
    const bucket = openTestBucket(data, options);
    for (let round = 0; round < 20; round++) {
      await Promise.all(
        Array.from({ length: 5 }, (_, i) => putBody(bucket, `key-${i}`, `r${round}`)),
      );
    }
    await bucket.objects.delete('key-4');
    const live = contents(bucket);
    // 101 lines appended for 4 live objects: the log was rewritten along the way.
    expect(logLines(data).length).toBeLessThan(40);
    await closeBucket(bucket);
    const reopened = openTestBucket(data, options);
    expect(contents(reopened)).toEqual(live);
    expect(live).toEqual([0, 1, 2, 3].map((i) => [`key-${i}`, 'r19']));
  });

  test('a log of mostly dead lines is rewritten when the bucket opens', async () => {
    const data = dataFolder();
    const bucket = openTestBucket(data);
    for (let i = 0; i < 30; i++) await putBody(bucket, 'same', `v${i}`);
    await closeBucket(bucket);
    expect(logLines(data)).toHaveLength(30);
    const reopened = openTestBucket(data, { compactMinLines: 10, compactRatio: 2 });
    expect(logLines(data)).toHaveLength(1);
    expect(contents(reopened)).toEqual([['same', 'v29']]);
  });

  test('concurrent writers share fdatasyncs, and none is answered before the one covering it', async () => {
    const data = dataFolder();
    const gates: (() => void)[] = [];
    const sync = vi.fn(async (fd: number) => {
      await new Promise<void>((release) => gates.push(release));
      await realSync(fd);
    });
    const bucket = openTestBucket(data, { sync });
    const settled: string[] = [];
    const writers = Array.from({ length: 20 }, (_, i) =>
      putBody(bucket, `w${i}`, String(i)).then(() => settled.push(`w${i}`)),
    );
    await vi.waitFor(() => expect(gates).toHaveLength(1));
    // The first record started a batch alone; the other 19 wait for the next one.
    expect(settled).toEqual([]);
    gates[0]?.();
    await vi.waitFor(() => expect(gates).toHaveLength(2));
    expect(settled).toEqual(['w0']);
    gates[1]?.();
    await Promise.all(writers);
    expect(sync).toHaveBeenCalledTimes(2);
    expect(bucket.log.commits).toBe(2);
    await closeBucket(bucket);
    expect(contents(openTestBucket(data))).toHaveLength(20);
  });

  test('a batch whose fdatasync fails is refused and cut from the log, and the log goes on', async () => {
    const data = dataFolder();
    let failNext = true;
    const sync = async (fd: number) => {
      if (failNext) {
        failNext = false;
        throw Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' });
      }
      await realSync(fd);
    };
    const bucket = openTestBucket(data, { sync });
    await expect(putBody(bucket, 'lost', 'L')).rejects.toThrow('EIO');
    await putBody(bucket, 'kept', 'K');
    expect(
      logLines(data).map((line) => (JSON.parse(line) as { o: { key: string } }).o.key),
    ).toEqual(['kept']);
  });
});
