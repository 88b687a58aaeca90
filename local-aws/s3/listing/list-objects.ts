import type { BucketRequest } from '../request';
import { sendXml } from '../respond';
import type { ObjectRecord } from '../storage/records';
import type { XmlChild } from '../xml';
import { keyEncoder } from './url-encoding';
import {
  decodeContinuationToken,
  encodeContinuationToken,
  readEncodingType,
  readMaxParameter,
} from './params';
import { entryName, walkKeys, type ListingEntry } from './walk';

function contents(record: ObjectRecord, encode: (v: string) => string): XmlChild {
  return [
    'Contents',
    [
      ['Key', encode(record.key)],
      ['LastModified', new Date(record.lastModified).toISOString()],
      ['ETag', `"${record.etag}"`],
      ['ChecksumAlgorithm', record.checksum?.algorithm],
      ['ChecksumType', record.checksum?.type],
      ['Size', record.size],
      ['StorageClass', 'STANDARD'],
    ],
  ];
}

function rows(
  r: BucketRequest,
  entries: ListingEntry[],
  encode: (v: string) => string,
): XmlChild[] {
  const out: XmlChild[] = [];
  const prefixes: XmlChild[] = [];
  for (const entry of entries) {
    if (entry.kind === 'prefix') {
      prefixes.push(['CommonPrefixes', [['Prefix', encode(entry.prefix)]]]);
      continue;
    }
    const record = r.storage.objects.get(entry.key);
    if (record) out.push(contents(record, encode));
  }
  return [...out, ...prefixes];
}

/** ListObjectsV2: prefix, delimiter, start-after, continuation tokens, max-keys, encoding-type. */
export async function listObjectsV2(r: BucketRequest): Promise<void> {
  const q = r.query;
  const prefix = q.get('prefix') ?? '';
  const delimiter = q.get('delimiter') ?? '';
  const maxKeys = readMaxParameter(q, 'max-keys');
  const encodingType = readEncodingType(q);
  const encode = keyEncoder(encodingType);
  const token = q.get('continuation-token');
  const startAfter = q.get('start-after');
  const after = token !== null ? decodeContinuationToken(token) : (startAfter ?? '');
  const walk = walkKeys(r.storage.objects.index, { prefix, delimiter, after, maxKeys });
  const last = walk.entries.at(-1);
  sendXml(r, 'ListBucketResult', [
    ['Name', r.bucket],
    ['Prefix', encode(prefix)],
    ['Delimiter', delimiter === '' ? undefined : encode(delimiter)],
    ['MaxKeys', maxKeys],
    ['EncodingType', encodingType ?? undefined],
    ['KeyCount', walk.entries.length],
    ['IsTruncated', walk.truncated],
    ['ContinuationToken', token ?? undefined],
    [
      'NextContinuationToken',
      walk.truncated && last ? encodeContinuationToken(entryName(last)) : undefined,
    ],
    ['StartAfter', startAfter !== null ? encode(startAfter) : undefined],
    ...rows(r, walk.entries, encode),
  ]);
}

/** ListObjects (version 1): marker and NextMarker instead of continuation tokens. */
export async function listObjectsV1(r: BucketRequest): Promise<void> {
  const q = r.query;
  const prefix = q.get('prefix') ?? '';
  const delimiter = q.get('delimiter') ?? '';
  const marker = q.get('marker') ?? '';
  const maxKeys = readMaxParameter(q, 'max-keys');
  const encodingType = readEncodingType(q);
  const encode = keyEncoder(encodingType);
  const walk = walkKeys(r.storage.objects.index, { prefix, delimiter, after: marker, maxKeys });
  const last = walk.entries.at(-1);
  sendXml(r, 'ListBucketResult', [
    ['Name', r.bucket],
    ['Prefix', encode(prefix)],
    ['Marker', encode(marker)],
    // S3 only returns NextMarker when a delimiter is given; clients otherwise use the last key.
    [
      'NextMarker',
      walk.truncated && last && delimiter !== '' ? encode(entryName(last)) : undefined,
    ],
    ['MaxKeys', maxKeys],
    ['Delimiter', delimiter === '' ? undefined : encode(delimiter)],
    ['EncodingType', encodingType ?? undefined],
    ['IsTruncated', walk.truncated],
    ...rows(r, walk.entries, encode),
  ]);
}
