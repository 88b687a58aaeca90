// `node bench/peers/lib-storage-upload.ts <endpoint> <bucket> <key-prefix> <file-or-folder>`
// The lib-storage contender: @aws-sdk/lib-storage's Upload with its defaults (5 MiB parts, 4 at
// a time), 10 files at a time, credentials and region from the environment as any SDK script
// gets them. Run by Node directly (type stripping, no tsx), so its start-up is a plain script's.
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';

const FILES_AT_ONCE = 10;

async function filesIn(path: string): Promise<{ path: string; key: string }[]> {
  if (!(await stat(path)).isDirectory()) return [{ path, key: basename(path) }];
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => {
      const full = join(e.parentPath, e.name);
      return { path: full, key: relative(path, full).split(sep).join('/') };
    });
}

async function main(): Promise<void> {
  const [endpoint, bucket, prefix, path] = process.argv.slice(2);
  if (!endpoint || !bucket || prefix === undefined || !path) {
    throw new Error(
      'usage: lib-storage-upload.ts <endpoint> <bucket> <key-prefix> <file-or-folder>',
    );
  }
  const client = new S3Client({ endpoint, forcePathStyle: true });
  const files = await filesIn(path);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++] as { path: string; key: string };
      await new Upload({
        client,
        params: { Bucket: bucket, Key: `${prefix}${file.key}`, Body: createReadStream(file.path) },
      }).done();
    }
  };
  await Promise.all(Array.from({ length: Math.min(FILES_AT_ONCE, files.length) }, worker));
  client.destroy();
  console.log(`uploaded ${files.length} files`);
}

main().catch((error: unknown) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
