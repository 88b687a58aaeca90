import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { IssuedCredentials } from '../../../local-aws/cognito-identity/model';
import { startAuthHarness, type AuthHarness } from './auth-harness';

// The AWS CLI signs with botocore, an implementation independent of the JavaScript SDK's.
// It must be /usr/bin/aws: a plain `aws` on PATH may be a pyenv shim.
const AWS_CLI = '/usr/bin/aws';

let harness: AuthHarness;
let issued: IssuedCredentials;
let workDir: string;

beforeAll(async () => {
  harness = await startAuthHarness();
  issued = harness.issueCredentials();
  workDir = mkdtempSync(join(tmpdir(), 'hakobu-s3-auth-cli-'));
});
afterAll(async () => {
  await harness.close();
  rmSync(workDir, { recursive: true, force: true });
});

interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI asynchronously: the server under test lives in this same process. */
function aws(args: string[], secretAccessKey = issued.secretAccessKey): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      AWS_CLI,
      [...args, '--endpoint-url', harness.endpoint],
      {
        env: {
          PATH: process.env['PATH'] ?? '/usr/bin:/bin',
          HOME: workDir,
          AWS_ACCESS_KEY_ID: issued.accessKeyId,
          AWS_SECRET_ACCESS_KEY: secretAccessKey,
          AWS_SESSION_TOKEN: issued.sessionToken,
          AWS_REGION: harness.region,
          AWS_CONFIG_FILE: '/dev/null',
          AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
          AWS_EC2_METADATA_DISABLED: 'true',
          AWS_MAX_ATTEMPTS: '1',
          AWS_PAGER: '',
        },
      },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0;
        resolve({ exitCode: code, stdout, stderr });
      },
    );
  });
}

describe('the AWS CLI (botocore signer) against the stand-in', () => {
  test('put-object with an awkward key and metadata is accepted', async () => {
    const file = join(workDir, 'upload.txt');
    writeFileSync(file, 'uploaded by the AWS CLI\n');
    const result = await aws([
      's3api',
      'put-object',
      '--bucket',
      'hakobu-demo',
      '--key',
      "ap-northeast-1:id/写真 2026/it's (1)+[draft].txt",
      '--body',
      file,
      '--metadata',
      'owner=  Hakobu   Tester ',
    ]);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const outcome = harness.outcomes.at(-1);
    expect(outcome?.ok && outcome.body.toString()).toBe('uploaded by the AWS CLI\n');
  });

  test('a wrong secret is reported as SignatureDoesNotMatch', async () => {
    const result = await aws(
      ['s3api', 'head-bucket', '--bucket', 'hakobu-demo'],
      'definitely-not-the-secret',
    );
    expect(result.exitCode).not.toBe(0);
    expect(harness.outcomes.at(-1)).toMatchObject({ code: 'SignatureDoesNotMatch' });
  });

  test('a URL from `aws s3 presign` works with a plain fetch', async () => {
    const result = await aws(['s3', 'presign', 's3://hakobu-demo/shared/report (final).pdf']);
    expect(result.exitCode).toBe(0);
    const url = new URL(result.stdout.trim());
    expect(url.searchParams.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(harness.outcomes.at(-1)).toMatchObject({ ok: true });
  });
});
