/** The parts of an S3 access point ARN. */
export interface AccessPointArn {
  region: string;
  accountId: string;
  name: string;
}

const ACCESS_POINT_ARN =
  /^arn:aws[a-z-]*:s3:([a-z0-9-]+):(\d{12}):accesspoint\/([a-z0-9][a-z0-9-]{1,48}[a-z0-9])$/;

/** The access point an ARN names, or undefined when the bucket setting is a bucket name. */
export function parseAccessPointArn(bucket: string): AccessPointArn | undefined {
  const match = ACCESS_POINT_ARN.exec(bucket);
  if (!match?.[1] || !match[2] || !match[3]) return undefined;
  return { region: match[1], accountId: match[2], name: match[3] };
}
