import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../paths';
import type { TemporaryCredentials } from '../sign-in';
import type { Invocation } from './measured-process';
import type { Contender } from './plan';

/** Everything a contender is told about one upload. */
export interface UploadJob {
  endpoint: string;
  region: string;
  bucket: string;
  /** `<identityId>/bench/<contender>/<workload>/`: inside the identity's own prefix. */
  keyPrefix: string;
  /** The same prefix below the identity's folder, as Hakobu's --folder takes it. */
  folderBelowIdentity: string;
  /** A file or a folder. */
  source: string;
  isFolder: boolean;
  credentials: TemporaryCredentials;
  /** A fresh, empty folder used as HOME (and Hakobu's user data) so no state carries over. */
  home: string;
}

/** How the Hakobu contender is run: which build, which config, which demo user. */
export interface HakobuSetup {
  cli: string;
  configPath: string;
  username: string;
  password: string;
  /** A sweep point: HAKOBU_PARALLEL_TRANSFERS, the engine's request budget (1-64). */
  parallel?: number;
}

// Only what a program needs to run: nothing of the bench's own environment leaks in (no AWS_*
// profile, no RCLONE_* from the shell, no HAKOBU_*).
function baseEnv(home: string): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, LANG: 'C.UTF-8', TMPDIR: home };
}

function awsEnv(job: UploadJob): NodeJS.ProcessEnv {
  return {
    ...baseEnv(job.home),
    AWS_ACCESS_KEY_ID: job.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: job.credentials.secretAccessKey,
    AWS_SESSION_TOKEN: job.credentials.sessionToken,
    AWS_REGION: job.region,
    AWS_DEFAULT_REGION: job.region,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  };
}

function awsCli(job: UploadJob): Invocation {
  const target = `s3://${job.bucket}/${job.keyPrefix}`;
  return {
    // Debian's AWS CLI v2 by absolute path: a pyenv shim earlier on PATH would be another build.
    command: '/usr/bin/aws',
    args: [
      's3',
      'cp',
      ...(job.isFolder ? ['--recursive'] : []),
      '--endpoint-url',
      job.endpoint,
      '--only-show-errors',
      job.source,
      target,
    ],
    env: { ...awsEnv(job), AWS_PAGER: '' },
    cwd: job.home,
  };
}

function rclone(job: UploadJob): Invocation {
  const remote = 'RCLONE_CONFIG_BENCH_';
  return {
    command: '/usr/bin/rclone',
    // `copy` of a folder into the prefix, also for the one big file (its folder holds only it):
    // for a single file rclone first HEADs the missing destination key, which S3 (and
    // local-aws) answer 403 to an identity whose ListBucket grant is limited to its prefix, and
    // rclone gives up on that 403. A folder is listed instead, which the grant allows.
    args: [
      'copy',
      job.isFolder ? job.source : dirname(job.source),
      `bench:${job.bucket}/${job.keyPrefix}`,
    ],
    env: {
      ...baseEnv(job.home),
      // A remote defined only through the environment, as a script would on a CI runner.
      [`${remote}TYPE`]: 's3',
      [`${remote}PROVIDER`]: 'Other',
      [`${remote}ENV_AUTH`]: 'false',
      [`${remote}ACCESS_KEY_ID`]: job.credentials.accessKeyId,
      [`${remote}SECRET_ACCESS_KEY`]: job.credentials.secretAccessKey,
      [`${remote}SESSION_TOKEN`]: job.credentials.sessionToken,
      [`${remote}REGION`]: job.region,
      [`${remote}ENDPOINT`]: job.endpoint,
      [`${remote}FORCE_PATH_STYLE`]: 'true',
      // The identity may write only below its prefix: rclone's bucket check (a CreateBucket)
      // would be refused, which is a permission of this setup, not a speed difference.
      [`${remote}NO_CHECK_BUCKET`]: 'true',
      RCLONE_CONFIG: '/dev/null',
    },
    cwd: job.home,
  };
}

function libStorage(job: UploadJob): Invocation {
  return {
    command: process.execPath,
    args: [
      '--no-warnings',
      join(REPO_ROOT, 'bench/peers/lib-storage-upload.ts'),
      job.endpoint,
      job.bucket,
      job.keyPrefix,
      job.source,
    ],
    env: { ...awsEnv(job), NODE_PATH: join(REPO_ROOT, 'node_modules') },
    cwd: REPO_ROOT,
  };
}

function hakobu(job: UploadJob, setup: HakobuSetup): Invocation {
  const userData = join(job.home, 'xdg');
  mkdirSync(userData, { recursive: true });
  return {
    command: process.execPath,
    args: [
      setup.cli,
      'upload',
      job.source,
      '--folder',
      job.folderBelowIdentity,
      '--on-conflict',
      'overwrite',
      '--username',
      setup.username,
      '--password-stdin',
    ],
    // A fresh user-data folder per run: no journal, no cached identity, no keychain session.
    env: {
      ...baseEnv(job.home),
      HAKOBU_CONFIG: setup.configPath,
      XDG_CONFIG_HOME: userData,
      ...(setup.parallel ? { HAKOBU_PARALLEL_TRANSFERS: String(setup.parallel) } : {}),
    },
    cwd: job.home,
    input: `${setup.password}\n`,
  };
}

/** The command line and environment that make `contender` do `job`. */
export function invocationFor(
  contender: Contender,
  job: UploadJob,
  setup: HakobuSetup,
): Invocation {
  switch (contender) {
    case 'hakobu':
      return hakobu(job, setup);
    case 'aws-cli':
      return awsCli(job);
    case 'rclone':
      return rclone(job);
    case 'lib-storage':
      return libStorage(job);
  }
}
