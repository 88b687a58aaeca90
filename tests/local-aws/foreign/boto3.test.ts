import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { createChecksum, type ChecksumAlgorithm } from '../../../local-aws/s3/checksums';
import { loginProvider } from '../../helpers/identity';
import { loggedRequests } from '../../helpers/request-log';
import { demoUser, signInWithSrp } from '../../helpers/sign-in';
import {
  announceVersion,
  cleanEnv,
  findExecutable,
  runClient,
  useForeignStandIn,
} from './foreign-kit';

const SCRIPT = join(__dirname, 'boto3_conformance.py');

/** Debian's python3 (whose boto3 the setup script installs) and, if different, the one on PATH. */
function pythonsWithBoto3(): { python: string; boto3: string }[] {
  const onPath = (() => {
    try {
      return execFileSync('sh', ['-c', 'command -v python3'], { encoding: 'utf8' }).trim();
    } catch {
      return undefined;
    }
  })();
  const candidates = [findExecutable('/usr/bin/python3'), onPath].filter(
    (p): p is string => p !== undefined && p !== '',
  );
  const seen = new Map<string, string>();
  for (const python of candidates) {
    try {
      const version = execFileSync(python, ['-c', 'import boto3; print(boto3.__version__)'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
      // One run per boto3 version: a shim that leads to the same install adds nothing.
      if (![...seen.values()].includes(version)) seen.set(realpathSync(python), version);
    } catch {
      // No boto3 for this interpreter.
    }
  }
  return [...seen].map(([python, boto3]) => ({ python, boto3 }));
}

interface Step {
  ok: boolean;
  error?: string;
  trace?: string;
  [field: string]: unknown;
}
interface LogLine {
  action?: string;
  key?: string;
  status?: number;
}
interface Report {
  versions: { boto3: string; botocore: string; python: string };
  steps: Record<string, Step>;
}

const pythons = pythonsWithBoto3();
const standIn = useForeignStandIn();

test.runIf(pythons.length === 0)('boto3 is installed (scripts/setup-system.sh)', () => {
  expect.fail('no python3 with boto3: run scripts/setup.sh (Debian python3-boto3)');
});

// Titled by version, not by path, so a run reads the same on every machine.
describe.each(pythons)('boto3 $boto3', ({ python }) => {
  let report: Report;
  let refreshedIdToken: string;
  // Each interpreter's run gets its own keys and files, so one run's requests never pass for the other's.
  const run = `run-${pythons.findIndex((p) => p.python === python) + 1}`;
  const runPrefix = () => `${standIn().prefix}${run}/`;
  const runScratch = () => join(standIn().scratch, run);

  beforeAll(async () => {
    const { la, me, endpoint } = standIn();
    const scratch = runScratch();
    mkdirSync(scratch);
    const { username, password } = demoUser(la);
    const signedIn = await signInWithSrp(la, username, password);
    const { stdout } = await runClient(python, [SCRIPT], {
      env: cleanEnv(scratch, {
        LA_ENDPOINT: endpoint.url,
        // botocore's own setting for a CA to trust; the script hands it to urllib too.
        AWS_CA_BUNDLE: endpoint.caBundle,
        LA_REGION: la.info.region,
        LA_BUCKET: la.info.bucket,
        LA_PREFIX: runPrefix(),
        LA_SCRATCH: scratch,
        LA_CLIENT_ID: la.info.clientId,
        LA_REFRESH_TOKEN: signedIn.refreshToken,
        LA_ID_TOKEN: signedIn.idToken,
        LA_IDENTITY_POOL_ID: la.info.identityPoolId,
        LA_LOGIN_PROVIDER: loginProvider(la),
        AWS_ACCESS_KEY_ID: me.credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: me.credentials.secretAccessKey,
        AWS_SESSION_TOKEN: me.credentials.sessionToken,
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
        AWS_EC2_METADATA_DISABLED: 'true',
      }),
    });
    report = JSON.parse(stdout) as Report;
    const { boto3, botocore, python: pythonVersion } = report.versions;
    announceVersion('boto3', `${boto3} (botocore ${botocore}, Python ${pythonVersion})`);
    refreshedIdToken = String(report.steps.cognito_refresh_and_get_user?.id_token ?? '');
  });

  /** One step of the script's report, failing with boto3's own error when it failed. */
  function stepOf(name: string): Step {
    const step = report.steps[name];
    if (!step) throw new Error(`the script reported no step ${name}`);
    if (!step.ok) throw new Error(`boto3 step ${name} failed: ${step.error}\n${step.trace}`);
    return step;
  }

  test('upload_file goes multipart and download_file reads it back in ranges, byte-identical', () => {
    const step = stepOf('multipart_upload_and_ranged_download');
    expect(step.same).toBe(true);
    expect(step.size).toBe(12 * 1024 * 1024);
    expect(step.etag).toMatch(/-3"$/);
    const key = `${runPrefix()}boto3/twelve.bin`;
    const ranged = loggedRequests<LogLine>(standIn().la).filter(
      (r) => r.action === 'GetObject' && r.key === key && r.status === 206,
    );
    expect(ranged.length).toBeGreaterThan(1);
  });

  test('the multipart object has a checksum: boto3 own, or S3 default CRC64NVME when it sent none', () => {
    const checksums = stepOf('multipart_upload_and_ranged_download').checksums as Record<
      string,
      string
    >;
    // botocore before 1.36 sends no checksum; later ones send a composite CRC32.
    if (checksums['x-amz-checksum-crc64nvme'] !== undefined) {
      const crc = createChecksum('CRC64NVME');
      crc.update(readFileSync(join(runScratch(), 'twelve.bin')));
      expect(checksums).toEqual({
        'x-amz-checksum-crc64nvme': crc.digest().toString('base64'),
        'x-amz-checksum-type': 'FULL_OBJECT',
      });
    } else {
      expect(checksums).toMatchObject({ 'x-amz-checksum-type': 'COMPOSITE' });
      expect(checksums['x-amz-checksum-crc32']).toMatch(/-3$/);
    }
  });

  test('put_object with ChecksumAlgorithm SHA256 stores the SHA-256 boto3 sent', () => {
    const step = stepOf('put_object_with_checksum_algorithm');
    expect(step.sent).toBe(step.expected);
    expect(step.stored).toBe(step.expected);
  });

  test('every checksum algorithm this botocore can compute is stored as it was sent', () => {
    const step = stepOf('every_checksum_algorithm') as Step & {
      stored: Record<string, { sent?: string; stored?: string }>;
      missing: string[];
    };
    console.log(
      `boto3 checksums stored: ${Object.keys(step.stored).join(', ')}; not computable by this botocore (awscrt absent or too old): ${step.missing.join(', ') || 'none'}`,
    );
    expect(Object.keys(step.stored)).toEqual(expect.arrayContaining(['CRC32', 'SHA1', 'SHA256']));
    for (const [algorithm, { sent, stored }] of Object.entries(step.stored)) {
      const checksum = createChecksum(algorithm as ChecksumAlgorithm);
      checksum.update(Buffer.from('123456789'));
      expect({ algorithm, sent, stored }).toEqual({
        algorithm,
        sent: checksum.digest().toString('base64'),
        stored: sent,
      });
    }
  });

  test('an upload sent without a checksum gets S3 default full-object CRC64NVME', () => {
    const step = stepOf('put_object_without_checksum');
    const crc = createChecksum('CRC64NVME');
    crc.update(Buffer.from('123456789'));
    expect(step.checksums).toEqual({
      'x-amz-checksum-crc64nvme': crc.digest().toString('base64'),
      'x-amz-checksum-type': 'FULL_OBJECT',
    });
  });

  test('a paginated list_objects_v2 with a delimiter lists every key and folder once', () => {
    const step = stepOf('paginated_list_with_delimiter');
    expect(step.pages).toBe(3);
    expect(step.prefixes).toEqual(['a/', 'b/', 'c/']);
    expect(step.keys).toEqual(['top-1.txt', 'top-2.txt', 'top-3.txt']);
  });

  test('a presigned (s3v4) GET fetched by urllib returns the object', () => {
    expect(stepOf('presigned_get')).toMatchObject({
      status: 200,
      body: 'fetched without the SDK',
      signed_v4: true,
    });
  });

  test('delete_objects deletes every key, quotes and ampersands included', () => {
    expect(stepOf('delete_objects')).toMatchObject({
      deleted: ['boto3/delete/it\'s "quoted" & <odd>', 'boto3/delete/one', 'boto3/delete/three'],
      errors: [],
      left: 0,
    });
  });

  test("another identity's prefix is AccessDenied", () => {
    expect(stepOf('access_denied_elsewhere')).toMatchObject({ code: 'AccessDenied', status: 403 });
  });

  test('cognito-idp REFRESH_TOKEN_AUTH gives tokens that get_user accepts', () => {
    const step = stepOf('cognito_refresh_and_get_user');
    expect(step.has_id_token).toBe(true);
    expect(step.email).toBe(demoUser(standIn().la).username);
    expect(refreshedIdToken).not.toBe('');
  });

  test('cognito-identity get_id and get_credentials_for_identity work unsigned', () => {
    expect(stepOf('cognito_identity_unsigned')).toMatchObject({
      identity_id: standIn().me.identityId,
      listed: 200,
    });
  });
});
