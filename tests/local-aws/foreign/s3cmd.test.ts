import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loggedRequests } from '../../helpers/request-log';
import { sha256OfFile, writeTestFile } from '../s3/s3-test-kit';
import {
  announceVersion,
  cleanEnv,
  findExecutable,
  runClient,
  useForeignStandIn,
} from './foreign-kit';

const MiB = 1024 * 1024;
const S3CMD = findExecutable('/usr/bin/s3cmd');
const version = S3CMD
  ? execFileSync(S3CMD, ['--version'], { encoding: 'utf8' })
      .trim()
      .replace(/^s3cmd version /, '')
  : '(not installed)';
const standIn = useForeignStandIn();

/**
 * Runs Debian's s3cmd with a .s3cfg of its own, in a HOME of its own. s3cmd 2.3 takes a session
 * token from .s3cfg but still asks the EC2 metadata service for a role before every request
 * (printing "Could not refresh role", up to 2 s each where that address is black-holed); the
 * same token given as --access_token turns that off. So only `ls` relies on .s3cfg alone.
 */
function s3cmd(args: string[], options: { tokenFromConfigOnly?: boolean } = {}) {
  const home = join(standIn().scratch, 's3cmd-home');
  const token = options.tokenFromConfigOnly
    ? []
    : [`--access_token=${standIn().me.credentials.sessionToken}`];
  return runClient(S3CMD ?? 's3cmd', ['--config', join(home, '.s3cfg'), ...token, ...args], {
    env: cleanEnv(home),
  });
}

/**
 * The .s3cfg a user would write for this endpoint: path-style (host_bucket without %(bucket)s),
 * SigV4, https trusting the test CA, and the Identity Pool's session token as access_token.
 */
function writeS3cfg(): void {
  const { la, me, endpoint, scratch } = standIn();
  const home = join(scratch, 's3cmd-home');
  mkdirSync(home, { recursive: true });
  const lines = [
    '[default]',
    `access_key = ${me.credentials.accessKeyId}`,
    `secret_key = ${me.credentials.secretAccessKey}`,
    `access_token = ${me.credentials.sessionToken}`,
    `host_base = ${endpoint.host}`,
    `host_bucket = ${endpoint.host}`,
    `bucket_location = ${la.info.region}`,
    'use_https = True',
    'check_ssl_certificate = True',
    'check_ssl_hostname = True',
    `ca_certs_file = ${endpoint.caBundle}`,
    'signature_v2 = False',
    'progress_meter = False',
  ];
  writeFileSync(join(home, '.s3cfg'), `${lines.join('\n')}\n`, { mode: 0o600 });
}

test.runIf(!S3CMD)('s3cmd is installed (scripts/setup-system.sh)', () => {
  expect.fail('no /usr/bin/s3cmd: run scripts/setup.sh (Debian s3cmd)');
});

describe.runIf(S3CMD)(`s3cmd ${version}`, () => {
  let source: string;
  const target = () => `s3://${standIn().la.info.bucket}/${standIn().prefix}s3cmd/twelve.bin`;

  beforeAll(async () => {
    announceVersion('s3cmd', version);
    writeS3cfg();
    source = join(standIn().scratch, 'twelve.bin');
    await writeTestFile(source, 12 * MiB, 12);
  });

  test('put with --multipart-chunk-size-mb=5 uploads a 12 MiB file in three parts', async () => {
    await s3cmd(['put', '--multipart-chunk-size-mb=5', source, target()]);
    const key = `${standIn().prefix}s3cmd/twelve.bin`;
    const done = loggedRequests<{ action?: string; key?: string; status?: number }>(
      standIn().la,
    ).filter((r) => r.key === key && r.status === 200);
    expect(done.filter((r) => r.action === 'UploadPart')).toHaveLength(3);
    expect(done.some((r) => r.action === 'CompleteMultipartUpload')).toBe(true);
  });

  test('get downloads it byte-identical', async () => {
    const back = join(standIn().scratch, 'twelve.back.bin');
    await s3cmd(['get', target(), back]);
    expect(await sha256OfFile(back)).toBe(await sha256OfFile(source));
  });

  test('ls lists the folder (token from .s3cfg alone) and the object with its size', async () => {
    const { la, prefix } = standIn();
    const folder = await s3cmd(['ls', `s3://${la.info.bucket}/${prefix}`], {
      tokenFromConfigOnly: true,
    });
    expect(folder.stdout).toMatch(
      new RegExp(`DIR\\s+s3://${la.info.bucket}/${prefix}s3cmd/$`, 'm'),
    );
    const file = await s3cmd(['ls', `s3://${la.info.bucket}/${prefix}s3cmd/`]);
    expect(file.stdout).toMatch(new RegExp(`\\s${12 * MiB}\\s+${target()}$`, 'm'));
  });
});
