import type { BucketRequest, S3Request } from '../request';
import { sendEmpty, sendXml, sendXmlText } from '../respond';
import { xmlTextDocument } from '../xml';

/** HeadBucket: 200 with the bucket's region (the CLI and `doctor` use it to probe access). */
export async function headBucket(r: BucketRequest): Promise<void> {
  sendEmpty(r, 200, {
    'x-amz-bucket-region': r.ctx.region,
    'x-amz-access-point-alias': 'false',
  });
}

/** GetBucketLocation: the region as a LocationConstraint, empty for us-east-1 as in S3. */
export async function getBucketLocation(r: BucketRequest): Promise<void> {
  const region = r.ctx.region === 'us-east-1' ? '' : r.ctx.region;
  sendXmlText(r.res, r.requestId, 200, xmlTextDocument('LocationConstraint', region));
}

/** ListBuckets: every bucket the stand-in serves. */
export async function listBuckets(r: S3Request): Promise<void> {
  const owner = r.ctx.state.accountId;
  sendXml(r, 'ListAllMyBucketsResult', [
    [
      'Owner',
      [
        ['ID', owner],
        ['DisplayName', owner],
      ],
    ],
    [
      'Buckets',
      Object.values(r.ctx.state.buckets).map((b) => [
        'Bucket',
        [
          ['Name', b.name],
          ['CreationDate', new Date(b.createdAt).toISOString()],
          ['BucketRegion', r.ctx.region],
        ],
      ]),
    ],
  ]);
}
