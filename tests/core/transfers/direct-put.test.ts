import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { refusalOf } from '../../../src-main/core/transfers/conditional';
import { sendDirectPut } from '../../../src-main/core/transfers/direct-put/send-put';
import { toTransferError } from '../../../src-main/core/transfers/errors';
import { crc32Base64 } from '../../../src-main/core/transfers/part-stream';
import { isExpiredToken } from '../../../src-main/core/transfers/retry';
import { S3ClientHolder } from '../../../src-main/core/transfers/s3-client';
import { silentLogger } from '../../../src-main/core/log/logger';
import {
  engineFixture,
  keysExpired,
  requestLog,
  stickyKeys,
  testConfig,
  useStandInWithIdentity,
} from './fixture';

// Small files go to S3 as one PutObject sent over node:http with the SDK's signer, not through
// the SDK's command stack. These tests hold it to what the SDK path guaranteed.

const env = useStandInWithIdentity();
const src = mkdtempSync(join(tmpdir(), 'hakobu-direct-'));
afterAll(() => rmSync(src, { recursive: true, force: true }));
afterEach(() => env.la.setFaults({ credentialLifetimeSeconds: 3600 }));

function holderFor(credentials = env.identity.credentials) {
  return new S3ClientHolder(testConfig(env.la), credentials, silentLogger);
}

async function put(holder: S3ClientHolder, key: string, body: Buffer, extra = {}) {
  const base = holder.directPutBase(env.la.info.bucket);
  if (!base) throw new Error('the stand-in should be addressed directly');
  const put = { base, key, body, checksumCRC32: crc32Base64(crc32(body)), ifNoneMatch: false };
  await sendDirectPut(
    { ...put, signal: new AbortController().signal, ...extra },
    await holder.directPutContext(),
  );
}

describe('a small file sent directly', () => {
  it.each(['旅行 2024/写真（１）.jpg', "a b+c~d!e*f(g)h'i.txt", '100% #1?x=y&z;.txt'])(
    'lands under the key %j with its bytes and its CRC32',
    async (name) => {
      const holder = holderFor();
      const key = `${env.identity.identityId}/direct/${name}`;
      const body = randomBytes(200_000);
      await put(holder, key, body);
      const s3 = holder.current(env.la.info.bucket);
      const got = await s3.send(new GetObjectCommand({ Bucket: env.la.info.bucket, Key: key }));
      expect(Buffer.from((await got.Body?.transformToByteArray()) ?? [])).toEqual(body);
      const head = await s3.send(
        new HeadObjectCommand({ Bucket: env.la.info.bucket, Key: key, ChecksumMode: 'ENABLED' }),
      );
      expect(head.ChecksumCRC32).toBe(crc32Base64(crc32(body)));
      holder.destroy();
    },
  );

  it('is refused with BadDigest when the bytes do not match the CRC32 sent', async () => {
    const holder = holderFor();
    const key = `${env.identity.identityId}/direct/corrupt.bin`;
    const error = await put(holder, key, randomBytes(1000), { checksumCRC32: 'AAAAAA==' }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: 'BadDigest', $metadata: { httpStatusCode: 400 } });
    holder.destroy();
  });

  it('reads a refusal of another identity’s prefix as the user’s words for AccessDenied', async () => {
    const holder = holderFor();
    const error = await put(holder, 'someone-else/secret.txt', Buffer.from('x')).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    expect(toTransferError(error, 'someone-else/secret.txt').code).toBe('transfer.accessDenied');
    holder.destroy();
  });

  it('is refused as a name conflict when If-None-Match meets an existing key', async () => {
    const holder = holderFor();
    const key = `${env.identity.identityId}/direct/taken.txt`;
    await put(holder, key, Buffer.from('first'));
    const error = await put(holder, key, Buffer.from('second'), { ifNoneMatch: true }).catch(
      (e: unknown) => e,
    );
    expect(refusalOf(error)).toBe('taken');
    holder.destroy();
  });

  it('stops at once when cancelled, and stores nothing', async () => {
    const holder = holderFor();
    const key = `${env.identity.identityId}/direct/cancelled.bin`;
    const controller = new AbortController();
    controller.abort();
    await expect(
      put(holder, key, randomBytes(1000), { signal: controller.signal }),
    ).rejects.toThrow();
    const puts = requestLog(env.la).filter((l) => l.action === 'PutObject' && l.key === key);
    expect(puts).toEqual([]);
    holder.destroy();
  });

  it('says ExpiredToken for stale keys, and the engine refreshes them and finishes', async () => {
    await env.la.setFaults({ credentialLifetimeSeconds: 2 });
    const keys = await stickyKeys(env.identity);
    const stale = holderFor(keys.engine.credentials);
    await keysExpired(keys);
    const error = await put(stale, `${env.identity.identityId}/x`, Buffer.from('x')).catch(
      (e: unknown) => e,
    );
    expect(isExpiredToken(error)).toBe(true);
    stale.destroy();

    const fx = await engineFixture(env.la, { identity: env.identity, engine: keys.engine });
    const file = join(src, 'small-after-expiry.txt');
    writeFileSync(file, 'still arrives');
    await fx.engine.enqueue([file]);
    await fx.engine.whenIdle();
    expect(fx.engine.snapshot().items[0]?.state).toBe('completed');
    expect(keys.refreshes()).toBe(1);
    const puts = requestLog(env.la).filter((line) => line.key === fx.key('small-after-expiry.txt'));
    expect(puts.map((line) => line.status)).toEqual([400, 200]);
    await fx.dispose();
  });
});
