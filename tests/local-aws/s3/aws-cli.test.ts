import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { awsCliVariables } from '../../helpers/aws-cli';
import { demoCredentials, type IdentityCredentials } from '../../helpers/identity';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { s3Requests, sha256OfFile, writeTestFile } from './s3-test-kit';

const run = promisify(execFile);
const MiB = 1024 * 1024;
let la: TestLocalAws;
let me: IdentityCredentials;
let scratch: string;

beforeAll(async () => {
  la = await startTestLocalAws();
  me = await demoCredentials(la);
  scratch = mkdtempSync(join(tmpdir(), 'hakobu-s3-cli-'));
  // The CLI reads path-style addressing only from its config file.
  writeFileSync(join(scratch, 'config'), '[default]\ns3 =\n    addressing_style = path\n');
});
afterAll(async () => {
  await la.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

/** Runs the real AWS CLI (not the pyenv shim called `aws`) against the stand-in. */
function aws(...args: string[]) {
  return run('/usr/bin/aws', ['--endpoint-url', la.info.endpoint, ...args], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: scratch,
      ...awsCliVariables(me, la.info.region, join(scratch, 'config')),
    },
    maxBuffer: 16 * MiB,
  });
}

test('aws s3 cp uploads 40 MiB in parts, downloads it byte-identical, and aws s3 ls lists it', async () => {
  const source = join(scratch, 'forty.bin');
  const back = join(scratch, 'forty.back.bin');
  await writeTestFile(source, 40 * MiB, 40);
  const target = `s3://${la.info.bucket}/${me.identityId}/cli/forty.bin`;

  await aws('s3', 'cp', source, target);
  const uploaded = s3Requests(la).filter((r) => r.action === 'UploadPart' && r.status === 200);
  expect(uploaded.length).toBeGreaterThan(1);
  expect(
    s3Requests(la).some((r) => r.action === 'CompleteMultipartUpload' && r.status === 200),
  ).toBe(true);

  await aws('s3', 'cp', target, back);
  expect(await sha256OfFile(back)).toBe(await sha256OfFile(source));

  const { stdout } = await aws('s3', 'ls', `s3://${la.info.bucket}/${me.identityId}/`);
  expect(stdout).toMatch(/PRE cli\/$/m);
  const listed = await aws('s3', 'ls', `s3://${la.info.bucket}/${me.identityId}/cli/`);
  expect(listed.stdout).toMatch(new RegExp(`\\s${40 * MiB} forty\\.bin$`, 'm'));
});

test('the CLI reports AccessDenied outside the identity prefix', async () => {
  const source = join(scratch, 'small.txt');
  writeFileSync(source, 'hello');
  const failure = await aws('s3', 'cp', source, `s3://${la.info.bucket}/not-mine/small.txt`).then(
    () => undefined,
    (error: unknown) => error as { stderr: string },
  );
  expect(failure?.stderr).toMatch(/AccessDenied/);
});
