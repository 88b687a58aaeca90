import type { S3Client } from '@aws-sdk/client-s3';
import type { HakobuConfig } from '../../../config';
import { IDENTITY_ID_VARIABLE } from '../../../config';
import { resolvePrefix } from '../../../library/locations';
import type { DoctorContext } from '../../context';
import type { Attempt } from '../../probes/attempt';

type LocationConfig = HakobuConfig['locations'][number];

/** One location as the S3 steps see it, shared by its four steps. */
export interface LocationProbe {
  config: LocationConfig;
  /** What requests pass as Bucket: the bucket name or access point ARN, as configured. */
  s3Bucket: string;
  /** The prefix with the identity ID filled in: where this user's files really go. */
  prefix: string;
  /** Whether the prefix is the user's own folder (it contains ${identityId}). */
  ownFolder: boolean;
  s3: S3Client;
  identityId: string;
  userPoolSub: string;
  /** ListObjectsV2 under the prefix, made by the bucket step and read by the prefix step. */
  listing?: Attempt<unknown>;
}

/** The IAM resource of the user's own folder in a bucket, as the policy must write it. */
export const ownFolderArn = (bucket: string) =>
  `arn:aws:s3:::${bucket}/\${cognito-identity.amazonaws.com:sub}/*`;

/** Lazily builds the probe once the role step has produced credentials. */
export function locationProbe(
  ctx: DoctorContext,
  location: LocationConfig,
  cache: { probe?: LocationProbe },
): LocationProbe | undefined {
  if (cache.probe) return cache.probe;
  const { credentials, identityId, user } = ctx.facts;
  if (!credentials || !identityId || !user) return undefined;
  cache.probe = {
    config: location,
    s3Bucket: location.bucket,
    prefix: resolvePrefix(location.prefix, identityId),
    ownFolder: location.prefix.includes(IDENTITY_ID_VARIABLE),
    s3: ctx.clients.s3(credentials, location.bucket),
    identityId,
    userPoolSub: user.claims.sub,
  };
  return cache.probe;
}
