import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { demoCredentials, type IdentityCredentials } from '../../helpers/identity';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { s3Requests, sha256OfFile, writeTestFile } from './s3-test-kit';

const run = promisify(execFile);
const MiB = 1024 * 1024;
const RCLONE = '/usr/bin/rclone';
let la: TestLocalAws;
let me: IdentityCredentials;
let scratch: string;

beforeAll(async () => {
  la = await startTestLocalAws();
  me = await demoCredentials(la);
  scratch = mkdtempSync(join(tmpdir(), 'hakobu-s3-rclone-'));
});
afterAll(async () => {
  await la.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

/** Runs Debian's rclone (aws-sdk-go, which writes `"` in XML as &#34;) against the stand-in. */
function rclone(...args: string[]) {
  return run(RCLONE, ['--config', '/dev/null', '--s3-no-check-bucket', '--no-traverse', ...args], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: scratch,
      RCLONE_CONFIG_LA_TYPE: 's3',
      RCLONE_CONFIG_LA_PROVIDER: 'Other',
      RCLONE_CONFIG_LA_ENDPOINT: la.info.endpoint,
      RCLONE_CONFIG_LA_REGION: la.info.region,
      RCLONE_CONFIG_LA_FORCE_PATH_STYLE: 'true',
      RCLONE_CONFIG_LA_ACCESS_KEY_ID: me.credentials.accessKeyId,
      RCLONE_CONFIG_LA_SECRET_ACCESS_KEY: me.credentials.secretAccessKey,
      RCLONE_CONFIG_LA_SESSION_TOKEN: me.credentials.sessionToken ?? '',
      RCLONE_CONFIG_LA_CHUNK_SIZE: '5Mi',
      RCLONE_CONFIG_LA_UPLOAD_CUTOFF: '5Mi',
    },
    maxBuffer: 16 * MiB,
  });
}

test.runIf(existsSync(RCLONE))(
  'rclone uploads 12 MiB in parts (its ETags written as &#34;), then downloads it byte-identical',
  async () => {
    const source = join(scratch, 'twelve.bin');
    const back = join(scratch, 'back', 'twelve.bin');
    await writeTestFile(source, 12 * MiB, 12);
    const remote = `la:${la.info.bucket}/${me.identityId}/rclone`;

    // The role may not ListBucket, so S3 answers HEAD of a missing key with 403, as AWS does;
    // --no-check-dest keeps rclone from asking whether the target exists first.
    await rclone('copy', '--no-check-dest', source, remote);
    expect(
      s3Requests(la).filter((r) => r.action === 'UploadPart' && r.status === 200).length,
    ).toBeGreaterThan(1);
    expect(
      s3Requests(la).some((r) => r.action === 'CompleteMultipartUpload' && r.status === 200),
    ).toBe(true);

    await rclone('copy', `${remote}/twelve.bin`, join(scratch, 'back'));
    expect(await sha256OfFile(back)).toBe(await sha256OfFile(source));
  },
);
