import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { awsCliVariables } from '../../helpers/aws-cli';
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

/** Debian's AWS CLI and, if it is another version, the `aws` on PATH (say, pip's). */
function awsClis(): { aws: string; version: string }[] {
  const onPath = (() => {
    try {
      return execFileSync('sh', ['-c', 'command -v aws'], { encoding: 'utf8' }).trim();
    } catch {
      return undefined;
    }
  })();
  const found = new Map<string, string>();
  for (const aws of [findExecutable('/usr/bin/aws'), onPath]) {
    if (!aws) continue;
    try {
      // "aws-cli/2.9.19 Python/3.11.2 Linux/6.1 …": the CLI and its Python, not the machine's kernel.
      const [cli = '', python = ''] = execFileSync(aws, ['--version'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      })
        .trim()
        .split(' ');
      const version = `${cli.replace('aws-cli/', '')} (${python.replace('/', ' ')})`;
      // One run per version: a shim that leads to the same install adds nothing.
      if (![...found.values()].includes(version)) found.set(aws, version);
    } catch {
      // Not a working CLI.
    }
  }
  return [...found].map(([aws, version]) => ({ aws, version }));
}

const clis = awsClis();
const standIn = useForeignStandIn();

test.runIf(clis.length === 0)('the AWS CLI is installed (scripts/setup-system.sh)', () => {
  expect.fail('no AWS CLI: run scripts/setup.sh (Debian awscli)');
});

// Titled by version, not by path, so a run reads the same on every machine.
describe.each(clis)('aws-cli $version', ({ aws, version }) => {
  const run = `cli-${clis.findIndex((c) => c.aws === aws) + 1}`;
  const home = () => join(standIn().scratch, run);
  const s3Url = (name: string) =>
    `s3://${standIn().la.info.bucket}/${standIn().prefix}${run}/${name}`;

  /** The CLI over https, trusting the test CA through --ca-bundle; verification stays on. */
  function cli(args: string[], options: { caBundle?: boolean } = {}) {
    const { la, me, endpoint } = standIn();
    const trust = options.caBundle === false ? [] : ['--ca-bundle', endpoint.caBundle];
    // A refused certificate is not worth the CLI's retries.
    const attempts = options.caBundle === false ? { AWS_MAX_ATTEMPTS: '1' } : {};
    return runClient(aws, ['--endpoint-url', endpoint.url, ...trust, ...args], {
      env: cleanEnv(home(), {
        ...awsCliVariables(me, la.info.region, join(home(), 'config')),
        ...attempts,
      }),
    });
  }

  let source: string;

  beforeAll(async () => {
    announceVersion('aws-cli', version);
    mkdirSync(home());
    // The stand-in is one host, so buckets are addressed by path, set as a user would.
    writeFileSync(join(home(), 'config'), '[default]\ns3 =\n    addressing_style = path\n');
    source = join(home(), 'twenty.bin');
    await writeTestFile(source, 20 * MiB, 20);
  });

  test('s3 cp uploads 20 MiB in parts and downloads it byte-identical', async () => {
    await cli(['s3', 'cp', source, s3Url('twenty.bin')]);
    const key = `${standIn().prefix}${run}/twenty.bin`;
    const done = loggedRequests<{ action?: string; key?: string; status?: number }>(
      standIn().la,
    ).filter((r) => r.key === key && r.status === 200);
    expect(done.filter((r) => r.action === 'UploadPart').length).toBeGreaterThan(1);
    expect(done.some((r) => r.action === 'CompleteMultipartUpload')).toBe(true);

    const back = join(home(), 'twenty.back.bin');
    await cli(['s3', 'cp', s3Url('twenty.bin'), back]);
    expect(await sha256OfFile(back)).toBe(await sha256OfFile(source));
  });

  test('s3 ls lists the folder and the object with its size', async () => {
    const { la, prefix } = standIn();
    const folder = await cli(['s3', 'ls', `s3://${la.info.bucket}/${prefix}`]);
    expect(folder.stdout).toMatch(new RegExp(`PRE ${run}/$`, 'm'));
    const files = await cli(['s3', 'ls', s3Url('')]);
    expect(files.stdout).toMatch(new RegExp(`\\s${20 * MiB} twenty\\.bin$`, 'm'));
  });

  test('s3api head-object --checksum-mode ENABLED returns the SHA-256 put-object sent', async () => {
    const body = join(home(), 'note.txt');
    writeFileSync(body, 'checked end to end\n');
    const key = `${standIn().prefix}${run}/note.txt`;
    const bucket = standIn().la.info.bucket;
    await cli([
      's3api',
      'put-object',
      '--bucket',
      bucket,
      '--key',
      key,
      '--body',
      body,
      '--checksum-algorithm',
      'SHA256',
    ]);
    const { stdout } = await cli([
      's3api',
      'head-object',
      '--bucket',
      bucket,
      '--key',
      key,
      '--checksum-mode',
      'ENABLED',
    ]);
    const head = JSON.parse(stdout) as { ChecksumSHA256?: string; ContentLength?: number };
    expect(head).toMatchObject({
      ChecksumSHA256: createHash('sha256').update(readFileSync(body)).digest('base64'),
      ContentLength: readFileSync(body).length,
    });
  });

  test('without --ca-bundle the CLI refuses the certificate: verification is on', async () => {
    await expect(cli(['s3', 'ls', s3Url('')], { caBundle: false })).rejects.toThrow(
      /SSL|certificate/i,
    );
  });
});
