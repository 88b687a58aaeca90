import { invalidArgument } from '../errors';
import { readMaxParameter } from '../listing/params';
import { quoteEtag } from '../objects/object-headers';
import type { BucketRequest } from '../request';
import { sendXml } from '../respond';
import type { XmlChild } from '../xml';
import { findUpload } from './find-upload';

/** Initiator and Owner as S3 reports them for a role session. */
export function principalElements(id: string): XmlChild[] {
  return [
    [
      'Initiator',
      [
        ['ID', id],
        ['DisplayName', id],
      ],
    ],
    [
      'Owner',
      [
        ['ID', id],
        ['DisplayName', id],
      ],
    ],
  ];
}

/** ListParts: the stored parts after part-number-marker, max-parts (≤ 1000) at a time. */
export async function listParts(r: BucketRequest): Promise<void> {
  const upload = findUpload(r);
  const maxParts = readMaxParameter(r.query, 'max-parts');
  const rawMarker = r.query.get('part-number-marker') ?? '0';
  if (!/^\d+$/.test(rawMarker)) {
    throw invalidArgument(
      'Provided part-number-marker not an integer or within integer range',
      'part-number-marker',
      rawMarker,
    );
  }
  const marker = Number(rawMarker);
  const after = r.storage.uploads.parts(upload.uploadId).filter((p) => p.partNumber > marker);
  const page = after.slice(0, maxParts);
  const truncated = after.length > page.length;
  const last = page.at(-1);
  sendXml(r, 'ListPartsResult', [
    ['Bucket', r.bucket],
    ['Key', r.key],
    ['UploadId', upload.uploadId],
    ['PartNumberMarker', marker],
    ['NextPartNumberMarker', last ? last.partNumber : undefined],
    ['MaxParts', maxParts],
    ['IsTruncated', truncated],
    ...page.map((p): XmlChild => [
      'Part',
      [
        ['PartNumber', p.partNumber],
        ['LastModified', new Date(p.lastModified).toISOString()],
        ['ETag', quoteEtag(p.etag)],
        ['Size', p.size],
        ...(p.checksum ? ([[`Checksum${p.checksum.algorithm}`, p.checksum.value]] as const) : []),
      ],
    ]),
    ...principalElements(upload.initiator),
    ['StorageClass', 'STANDARD'],
    ['ChecksumAlgorithm', upload.checksum?.algorithm],
    ['ChecksumType', upload.checksum?.type],
  ]);
}
