// Finding 9 of issue 8: the privileged process must never hold the image decoder, so a hostile
// image cannot reach it. Checked in a fresh process, since this test's own process loads sharp.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { noisyPng } from './world';

const root = resolve(import.meta.dirname, '../../..');
const folder = mkdtempSync(join(tmpdir(), 'hakobu-isolation-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('thumbnail isolation', () => {
  it('draws a thumbnail without loading libvips into the process that asked for it', async () => {
    const image = join(folder, 'photo.png');
    writeFileSync(image, await noisyPng(640, 480));
    const output = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'tests/core/library/fixtures/thumbnail-in-child.ts', image, folder],
      { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const result = JSON.parse(output) as { thumbnailBytes: number; decoderHere: string[] };
    expect(result.thumbnailBytes).toBeGreaterThan(0);
    expect(result.decoderHere).toEqual([]);
  });
});
