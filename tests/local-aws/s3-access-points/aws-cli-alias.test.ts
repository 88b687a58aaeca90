import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { awsCliVariables } from '../../helpers/aws-cli';
import { demoCredentials, type IdentityCredentials } from '../../helpers/identity';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { s3Log, seed001Setup } from './access-point-kit';

const run = promisify(execFile);
let la: TestLocalAws;
let me: IdentityCredentials;
let scratch: string;

beforeAll(async () => {
  la = await startTestLocalAws(seed001Setup());
  me = await demoCredentials(la);
  scratch = mkdtempSync(join(tmpdir(), 'hakobu-ap-cli-'));
  writeFileSync(join(scratch, 'config'), '[default]\ns3 =\n    addressing_style = path\n');
});
afterAll(async () => {
  await la.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

/** The real AWS CLI against the stand-in, as the seed user. */
function aws(...args: string[]) {
  return run('/usr/bin/aws', ['--endpoint-url', la.info.endpoint, ...args], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: scratch,
      ...awsCliVariables(me, la.info.region, join(scratch, 'config')),
    },
  });
}

const alias = (name: string) => la.context.state.accessPoints?.[name]?.alias ?? '';

test('the AWS CLI lists and copies through an access point alias used as a bucket name', async () => {
  expect(alias('cat')).toMatch(/^cat-[a-z0-9]{34}-s3alias$/);
  const listing = await aws('s3', 'ls', `s3://${alias('cat')}/`);
  expect(listing.stdout).toContain('kitten.png');
  expect(listing.stdout).not.toContain('puppy.png');
  await aws('s3', 'cp', `s3://${alias('dog')}/puppy.png`, join(scratch, 'puppy.png'));
  const reads = s3Log(la).filter((line) => line.action === 'GetObject');
  expect(reads).toContainEqual(
    expect.objectContaining({ accessPoint: 'dog', bucket: 'test-bucket-dog', status: 200 }),
  );
  // The alias stands for the access point, not the bucket: the bucket itself stays refused.
  await expect(aws('s3', 'ls', 's3://test-bucket-cat/')).rejects.toThrow(/AccessDenied/);
});
