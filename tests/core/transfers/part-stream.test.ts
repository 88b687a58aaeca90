import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileChangedError } from '../../../src-main/core/transfers/errors';
import {
  compositeCRC32,
  crc32Base64,
  FilePartStream,
} from '../../../src-main/core/transfers/part-stream';

let dir: string;
let file: string;
const data = randomBytes(1024 * 1024 + 123);
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hakobu-part-'));
  file = join(dir, 'f.bin');
  writeFileSync(file, data);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function drain(stream: FilePartStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('FilePartStream', () => {
  it('yields exactly the requested range, counting bytes chunk by chunk as they are pulled', async () => {
    const counts: number[] = [];
    const stream = new FilePartStream(file, 1000, 600_000, (n) => counts.push(n));
    const read = await drain(stream);
    expect(read.equals(data.subarray(1000, 601_000))).toBe(true);
    // Progress moves in small steps, not once per part.
    expect(counts.length).toBeGreaterThan(5);
    expect(Math.max(...counts)).toBeLessThanOrEqual(64 * 1024);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(600_000);
    expect(stream.checksumCRC32()).toBe(crc32Base64(crc32(read)));
  });

  it('fails with FileChangedError when the file is shorter than planned', async () => {
    truncateSync(file, 2000);
    const stream = new FilePartStream(file, 0, 600_000, () => undefined);
    await expect(drain(stream)).rejects.toBeInstanceOf(FileChangedError);
    expect(stream.fileChanged).toBeInstanceOf(FileChangedError);
  });
});

describe('checksums', () => {
  it('writes CRC32 as S3 does: base64 of the big-endian value', () => {
    // CRC32("123456789") = 0xCBF43926.
    expect(crc32Base64(crc32('123456789'))).toBe(
      Buffer.from([0xcb, 0xf4, 0x39, 0x26]).toString('base64'),
    );
  });

  it('builds the composite multipart checksum with the part count', () => {
    const parts = [crc32Base64(crc32('a')), crc32Base64(crc32('b'))];
    const raw = Buffer.concat(parts.map((p) => Buffer.from(p, 'base64')));
    expect(compositeCRC32(parts)).toBe(`${crc32Base64(crc32(raw))}-2`);
  });
});
