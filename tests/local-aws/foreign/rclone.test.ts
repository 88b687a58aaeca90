import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
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
const RCLONE = findExecutable('/usr/bin/rclone');
const version = RCLONE
  ? (execFileSync(RCLONE, ['version'], { encoding: 'utf8' }).split('\n')[0] ?? '').trim()
  : 'rclone (not installed)';
const standIn = useForeignStandIn();

interface LsjsonEntry {
  Path: string;
  Size: number;
  IsDir: boolean;
  Hashes?: { md5?: string };
}

/** Runs Debian's rclone (aws-sdk-go) against the stand-in, its remote `la:` defined only by env. */
function rclone(...args: string[]) {
  const { la, me, endpoint, scratch } = standIn();
  const remote = 'RCLONE_CONFIG_LA_';
  return runClient(RCLONE ?? 'rclone', ['--ca-cert', endpoint.caBundle, ...args], {
    env: cleanEnv(scratch, {
      RCLONE_CONFIG: '/dev/null',
      [`${remote}TYPE`]: 's3',
      [`${remote}PROVIDER`]: 'Other',
      [`${remote}ENV_AUTH`]: 'false',
      [`${remote}ACCESS_KEY_ID`]: me.credentials.accessKeyId,
      [`${remote}SECRET_ACCESS_KEY`]: me.credentials.secretAccessKey,
      [`${remote}SESSION_TOKEN`]: me.credentials.sessionToken,
      [`${remote}REGION`]: la.info.region,
      [`${remote}ENDPOINT`]: endpoint.url,
      [`${remote}FORCE_PATH_STYLE`]: 'true',
      // The role may write only below the identity's prefix, so rclone's CreateBucket check
      // would be refused, as S3 would refuse it.
      [`${remote}NO_CHECK_BUCKET`]: 'true',
    }),
  });
}

const md5 = (path: string) => createHash('md5').update(readFileSync(path)).digest('hex');

/** Every file under a folder, as paths relative to it. */
function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

test.runIf(!RCLONE)('rclone is installed (scripts/setup-system.sh)', () => {
  expect.fail('no /usr/bin/rclone: run scripts/setup.sh (Debian rclone)');
});

describe.runIf(RCLONE)(`${version}`, () => {
  let small: string;
  let big: string;
  // Folders, not single files: for one file rclone first HEADs the missing key, which S3 answers
  // 403 to an identity whose ListBucket grant is limited to its prefix, and rclone stops there.
  const remote = (folder: string) => `la:${standIn().la.info.bucket}/${standIn().prefix}${folder}`;

  beforeAll(async () => {
    announceVersion('rclone', version.replace(/^rclone /, ''));
    const { scratch } = standIn();
    small = join(scratch, 'small');
    mkdirSync(join(small, 'nested', 'deeper'), { recursive: true });
    for (let i = 0; i < 12; i++) {
      const folder =
        i % 3 === 0 ? join(small, 'nested') : i % 5 === 0 ? join(small, 'nested', 'deeper') : small;
      writeFileSync(join(folder, `note-${i}.txt`), `small file ${i}\n`.repeat(i + 1));
    }
    writeFileSync(join(small, 'it\'s "quoted" & <odd>.txt'), 'a name Go writes with &#34;\n');
    // Listed back with encoding-type=url: spaces, '+' and non-ASCII must survive the round trip.
    writeFileSync(join(small, '写真 2026 + 夏.txt'), 'a name S3 returns URL-encoded\n');
    big = join(scratch, 'big');
    mkdirSync(big);
    await writeTestFile(join(big, 'forty.bin'), 40 * MiB, 40);
  });

  test('copy uploads a folder of small files, and check finds no differences', async () => {
    await rclone('copy', small, remote('small'));
    const { stdout, stderr } = await rclone('check', small, remote('small'));
    expect(`${stdout}${stderr}`).toMatch(/0 differences found/);
    expect(`${stdout}${stderr}`).toMatch(new RegExp(`${filesUnder(small).length} matching files`));
  });

  // rclone's CompleteMultipartUpload writes each ETag's quotes as &#34; (issue 10, item 1).
  test('a 40 MiB file goes up in 8 MiB parts and lists with its MD5 (lsjson --hash)', async () => {
    await rclone('copy', '--s3-chunk-size', '8M', '--s3-upload-cutoff', '16M', big, remote('big'));
    const key = `${standIn().prefix}big/forty.bin`;
    const requests = loggedRequests<{ action?: string; key?: string; status?: number }>(
      standIn().la,
    ).filter((r) => r.key === key && r.status === 200);
    expect(requests.filter((r) => r.action === 'UploadPart')).toHaveLength(5);
    expect(requests.some((r) => r.action === 'CompleteMultipartUpload')).toBe(true);

    const { stdout } = await rclone('lsjson', '--hash', '-R', remote('big'));
    const listed = JSON.parse(stdout) as LsjsonEntry[];
    expect(listed).toEqual([
      expect.objectContaining({
        Path: 'forty.bin',
        Size: 40 * MiB,
        Hashes: expect.objectContaining({ md5: md5(join(big, 'forty.bin')) }) as unknown,
      }),
    ]);
  });

  test('lsjson --hash gives every small file its MD5', async () => {
    const { stdout } = await rclone('lsjson', '--hash', '-R', '--files-only', remote('small'));
    const listed = JSON.parse(stdout) as LsjsonEntry[];
    const byPath = Object.fromEntries(listed.map((e) => [e.Path, e.Hashes?.md5]));
    expect(Object.keys(byPath).sort()).toEqual(filesUnder(small));
    for (const path of filesUnder(small)) expect(byPath[path]).toBe(md5(join(small, path)));
  });

  test('a copy back is byte-identical', async () => {
    const back = join(standIn().scratch, 'back');
    await rclone('copy', remote(''), back);
    expect(filesUnder(join(back, 'small'))).toEqual(filesUnder(small));
    for (const path of filesUnder(small)) {
      expect(readFileSync(join(back, 'small', path))).toEqual(readFileSync(join(small, path)));
    }
    expect(await sha256OfFile(join(back, 'big', 'forty.bin'))).toBe(
      await sha256OfFile(join(big, 'forty.bin')),
    );
  });

  test('deletefile removes one object and leaves the rest', async () => {
    await rclone('deletefile', `${remote('small')}/nested/note-3.txt`);
    const { stdout } = await rclone('lsjson', '-R', '--files-only', remote('small'));
    const paths = (JSON.parse(stdout) as LsjsonEntry[]).map((e) => e.Path).sort();
    expect(paths).toEqual(filesUnder(small).filter((p) => p !== 'nested/note-3.txt'));
  });
});
