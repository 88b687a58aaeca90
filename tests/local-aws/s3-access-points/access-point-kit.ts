import { readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { LocalAwsSetup } from '../../../local-aws/setup/schema';
import { localhostLookup, s3ClientAddressing } from '../../../src-main/core/s3-addressing';
import type { IdentityCredentials } from '../../helpers/identity';
import type { TestLocalAws } from '../../helpers/local-aws';
import { loggedRequests } from '../../helpers/request-log';

/** The ready seed-001 example (two buckets, each with images and an access point). */
export const SEED_001_DIR = join(__dirname, '../../../local-aws/examples/seed-001');

/** The seed-001 setup file, parsed; `change` may edit its JSON first. */
export function seed001Setup(change: (setup: Seed001Json) => void = () => undefined) {
  const json = JSON.parse(readFileSync(join(SEED_001_DIR, 'setup.json'), 'utf8')) as Seed001Json;
  change(json);
  return LocalAwsSetup.parse(json);
}

type Json = Record<string, unknown>;
/** The parts of the seed-001 JSON tests change. */
export interface Seed001Json {
  accountId: string;
  roles: { arn: string; policy: Json }[];
  buckets: { name: string; policy?: Json; objects: Json[] }[];
  accessPoints: { name: string; bucket: string; policy?: Json }[];
}

/** arn:aws:s3:<region>:<account>:accesspoint/<name> of the stand-in (or another account). */
export const accessPointArn = (la: TestLocalAws, name: string, account?: string) =>
  `arn:aws:s3:${la.info.region}:${account ?? la.context.state.accountId}:accesspoint/${name}`;

/**
 * An SDK client addressed as Hakobu addresses access points behind a custom endpoint: the ARN as
 * Bucket, `<name>-<account>.s3-accesspoint.localhost` as the host, that name kept on loopback.
 */
export function accessPointClient(la: TestLocalAws, who: IdentityCredentials): S3Client {
  const lookup = localhostLookup(la.info.endpoint);
  return new S3Client({
    region: la.info.region,
    ...s3ClientAddressing(la.info.endpoint, 'accessPoint'),
    useArnRegion: true,
    credentials: who.credentials,
    maxAttempts: 1,
    requestHandler: { httpAgent: new Agent({ lookup }) },
  });
}

/** A path-style client straight to the buckets, as before access points. */
export function bucketClient(la: TestLocalAws, who: IdentityCredentials): S3Client {
  return new S3Client({
    region: la.info.region,
    ...s3ClientAddressing(la.info.endpoint, 'bucket'),
    credentials: who.credentials,
    maxAttempts: 1,
  });
}

/** The S3 lines of requests.log. */
export function s3Log(la: TestLocalAws): Json[] {
  return loggedRequests<Json>(la).filter((line) => line.service === 's3');
}
