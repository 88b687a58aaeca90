import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTransferEngine } from '../../../src-main/core/transfers/engine';
import { getIdentityCredentials, mintUserTokens } from '../../helpers/identity';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import {
  accessPointArn,
  accessPointClient,
  s3Log,
  seed001Setup,
} from '../../local-aws/s3-access-points/access-point-kit';
import { demoIdentity, MiB } from './fixture';

let la: TestLocalAws;
let src: string;
let journalDir: string;
beforeAll(async () => {
  la = await startTestLocalAws(seed001Setup());
  src = mkdtempSync(join(tmpdir(), 'hakobu-ap-src-'));
  journalDir = mkdtempSync(join(tmpdir(), 'hakobu-ap-journal-'));
});
afterAll(async () => {
  await la.dispose();
  rmSync(src, { recursive: true, force: true });
  rmSync(journalDir, { recursive: true, force: true });
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('uploading to a location given as an access point ARN, behind a custom endpoint', () => {
  it('sends a small file and a multipart one through the access point into its bucket', async () => {
    const identity = await demoIdentity(la);
    const location = accessPointArn(la, 'cat');
    const engine = createTransferEngine({
      config: {
        region: la.info.region,
        endpoints: { s3: la.info.endpoint },
        locations: [
          { name: 'cat', bucket: location, prefix: '${identityId}/', access: 'readwrite' },
        ],
        transfers: { partSizeMiB: 5, conflictPolicy: 'rename' },
      },
      identityId: identity.identityId,
      credentials: identity.credentials,
      forceRefresh: async () => undefined,
      journalDir,
      retry: { baseDelayMs: 20, maxDelayMs: 400 },
    });
    const small = randomBytes(2_000);
    const large = randomBytes(12 * MiB);
    writeFileSync(join(src, 'small.bin'), small);
    writeFileSync(join(src, 'large.bin'), large);
    try {
      await engine.enqueue([join(src, 'small.bin'), join(src, 'large.bin')]);
      await engine.whenIdle();
      expect(engine.snapshot().items.map((item) => [item.name, item.state])).toEqual([
        ['small.bin', 'completed'],
        ['large.bin', 'completed'],
      ]);
    } finally {
      await engine.close();
    }

    const { IdToken } = await mintUserTokens(la);
    const reader = accessPointClient(la, await getIdentityCredentials(la, IdToken));
    for (const [name, bytes] of [
      ['small.bin', small],
      ['large.bin', large],
    ] as const) {
      const object = await reader.send(
        new GetObjectCommand({ Bucket: location, Key: `${identity.identityId}/${name}` }),
      );
      const back = (await object.Body?.transformToByteArray()) ?? new Uint8Array(0);
      expect(sha256(back)).toBe(sha256(bytes));
    }
    reader.destroy();
    const writes = s3Log(la).filter((line) =>
      ['PutObject', 'CreateMultipartUpload', 'UploadPart', 'CompleteMultipartUpload'].includes(
        String(line.action),
      ),
    );
    expect(writes.length).toBeGreaterThan(3);
    expect(
      writes.every((line) => line.accessPoint === 'cat' && line.bucket === 'test-bucket-cat'),
    ).toBe(true);
  });
});
