// How Hakobu's S3 clients address buckets and access points, on AWS and behind custom endpoints.
export { parseAccessPointArn, type AccessPointArn } from './access-point-arn';
export { s3ClientAddressing, type S3ClientAddressing } from './client-addressing';
export { S3ClientPair, s3TargetOf, type S3Target } from './client-pair';
export { localhostLookup } from './localhost-lookup';
