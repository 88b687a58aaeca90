import { keyEncoder } from '../listing/url-encoding';
import { readEncodingType, readMaxParameter } from '../listing/params';
import type { BucketRequest } from '../request';
import { sendXml } from '../respond';
import { compareKeys } from '../storage/key-order';
import type { UploadRecord } from '../storage/records';
import type { XmlChild } from '../xml';
import { principalElements } from './list-parts';

type Row = { kind: 'upload'; upload: UploadRecord } | { kind: 'prefix'; prefix: string };

/** Uploads in S3's order: by key, then oldest first. */
function byKeyThenAge(a: UploadRecord, b: UploadRecord): number {
  return (
    compareKeys(a.key, b.key) || a.initiated - b.initiated || compareKeys(a.uploadId, b.uploadId)
  );
}

/** True when the upload sorts after the key-marker / upload-id-marker pair. */
function isAfterMarker(
  upload: UploadRecord,
  keyMarker: string,
  uploadIdMarker: string,
  all: UploadRecord[],
): boolean {
  if (keyMarker === '') return true;
  const order = compareKeys(upload.key, keyMarker);
  if (order !== 0 || uploadIdMarker === '') return order > 0;
  const markerUpload = all.find((u) => u.uploadId === uploadIdMarker && u.key === keyMarker);
  return markerUpload ? byKeyThenAge(upload, markerUpload) > 0 : false;
}

/**
 * ListMultipartUploads: uploads in progress under a prefix, rolled up by delimiter, after the
 * key-marker / upload-id-marker pair, max-uploads (≤ 1000) at a time.
 */
export async function listMultipartUploads(r: BucketRequest): Promise<void> {
  const q = r.query;
  const prefix = q.get('prefix') ?? '';
  const delimiter = q.get('delimiter') ?? '';
  const keyMarker = q.get('key-marker') ?? '';
  const uploadIdMarker = q.get('upload-id-marker') ?? '';
  const maxUploads = readMaxParameter(q, 'max-uploads');
  const encodingType = readEncodingType(q);
  const encode = keyEncoder(encodingType);

  const all = r.storage.uploads.all().sort(byKeyThenAge);
  const rows: Row[] = [];
  let truncated = false;
  for (const upload of all) {
    if (!upload.key.startsWith(prefix) || !isAfterMarker(upload, keyMarker, uploadIdMarker, all)) {
      continue;
    }
    const cut = delimiter === '' ? -1 : upload.key.indexOf(delimiter, prefix.length);
    const common = cut < 0 ? undefined : upload.key.slice(0, cut + delimiter.length);
    const previous = rows.at(-1);
    if (common !== undefined && previous?.kind === 'prefix' && previous.prefix === common) continue;
    if (common !== undefined && keyMarker !== '' && compareKeys(common, keyMarker) <= 0) continue;
    if (rows.length === maxUploads) {
      truncated = true;
      break;
    }
    rows.push(
      common === undefined ? { kind: 'upload', upload } : { kind: 'prefix', prefix: common },
    );
  }
  const last = rows.at(-1);
  const lastKey = last?.kind === 'upload' ? last.upload.key : last?.prefix;
  sendXml(r, 'ListMultipartUploadsResult', [
    ['Bucket', r.bucket],
    ['KeyMarker', encode(keyMarker)],
    ['UploadIdMarker', uploadIdMarker],
    ['NextKeyMarker', truncated && lastKey !== undefined ? encode(lastKey) : undefined],
    ['NextUploadIdMarker', truncated && last?.kind === 'upload' ? last.upload.uploadId : undefined],
    ['Prefix', encode(prefix)],
    ['Delimiter', delimiter === '' ? undefined : encode(delimiter)],
    ['MaxUploads', maxUploads],
    ['EncodingType', encodingType ?? undefined],
    ['IsTruncated', truncated],
    ...rows.map((row): XmlChild =>
      row.kind === 'prefix'
        ? ['CommonPrefixes', [['Prefix', encode(row.prefix)]]]
        : [
            'Upload',
            [
              ['Key', encode(row.upload.key)],
              ['UploadId', row.upload.uploadId],
              ...principalElements(row.upload.initiator),
              ['StorageClass', 'STANDARD'],
              ['Initiated', new Date(row.upload.initiated).toISOString()],
              ['ChecksumAlgorithm', row.upload.checksum?.algorithm],
              ['ChecksumType', row.upload.checksum?.type],
            ],
          ],
    ),
  ]);
}
