import type { DoctorContext } from '../../context';
import { failed, passed, skipped } from '../../outcome';
import { describeError, type ProbeError } from '../../probes/attempt';
import { listOne } from '../../probes/s3-probes';
import { serviceEndpoint } from '../../probes/services';
import type { StepOutcome } from '../../types';
import { ownFolderArn, type LocationProbe } from './location-probe';

const noCredentials = () =>
  skipped('doctor.skipped.noCredentials', 'No AWS credentials to check the bucket with.');

function bucketRegion(error: ProbeError): string | undefined {
  return error.field('Region') ?? /expecting '([a-z0-9-]+)'/.exec(error.message)?.[1];
}

function bucketError(ctx: DoctorContext, probe: LocationProbe, error: ProbeError): StepOutcome {
  const { bucket } = probe.config;
  const { region } = ctx.config;
  const params = { bucket, region, location: probe.config.name };
  const aws = describeError(error);
  if (error.network) {
    return failed(
      'doctor.bucket.unreachable',
      `S3 did not answer (${error.message}).`,
      'Check the network connection, or the s3 address in "endpoints".',
      params,
    );
  }
  if (error.code === 'NoSuchBucket') {
    return failed(
      'doctor.bucket.missing',
      `Bucket ${bucket} does not exist (${aws}).`,
      `Check the bucket name of location "${probe.config.name}" against the S3 console: the ` +
        'name is exact and lowercase, and the bucket must be in the same AWS account as the role.',
      params,
    );
  }
  const redirect = [
    'PermanentRedirect',
    'AuthorizationHeaderMalformed',
    'IllegalLocationConstraintException',
  ];
  if (redirect.includes(error.code) || error.status === 301) {
    const actual = bucketRegion(error);
    return failed(
      'doctor.bucket.otherRegion',
      `Bucket ${bucket} is ${actual ? `in region ${actual}` : 'in another region'}, but Hakobu ` +
        `signs its requests for ${region} (${aws}).`,
      `Use a bucket in ${region} (where the user pool is), or give location ` +
        `"${probe.config.name}" an access point ARN in the bucket's region.`,
      { ...params, bucketRegion: actual ?? '' },
    );
  }
  if (['InvalidAccessKeyId', 'InvalidToken', 'SignatureDoesNotMatch'].includes(error.code)) {
    return failed(
      'doctor.bucket.credentialsRefused',
      `S3 at ${serviceEndpoint(ctx.config, 's3')} does not accept the identity pool's credentials (${aws}).`,
      'Check that "endpoints.s3" (if set) points at the S3 of the same AWS account as the identity pool.',
      params,
    );
  }
  if (error.code === 'ExpiredToken' || error.code === 'RequestTimeTooSkewed') {
    return failed(
      'doctor.bucket.clock',
      `S3 refused fresh credentials as expired or mistimed (${aws}).`,
      "Set this computer's clock to the right time automatically (NTP), then run doctor again.",
      params,
    );
  }
  return failed(
    'doctor.bucket.unexpected',
    `S3 answered with an error doctor does not know: ${aws}.`,
    `Check location "${probe.config.name}" and the bucket in the S3 console.`,
    { ...params, error: aws },
  );
}

/** Step 11a: the bucket exists and is in the signing region (S3 says so even when it denies). */
export async function checkBucket(
  ctx: DoctorContext,
  probe: LocationProbe | undefined,
): Promise<StepOutcome> {
  if (!probe) return noCredentials();
  probe.listing = await listOne(ctx, probe.s3, probe.s3Bucket, probe.prefix);
  const { bucket, name } = probe.config;
  const params = { bucket, location: name, region: ctx.config.region };
  if (probe.listing.ok || probe.listing.error.code === 'AccessDenied') {
    return passed(
      'doctor.bucket.ok',
      `Bucket ${bucket} exists and answers in ${ctx.config.region}.`,
      params,
    );
  }
  return bucketError(ctx, probe, probe.listing.error);
}

function listPolicy(probe: LocationProbe): string {
  const { bucket } = probe.config;
  return probe.ownFolder
    ? `The role's policy must allow "s3:ListBucket" on "arn:aws:s3:::${bucket}" with the condition ` +
        `{"StringLike": {"s3:prefix": ["\${cognito-identity.amazonaws.com:sub}/*"]}}, and the ` +
        `object actions on "${ownFolderArn(bucket)}".`
    : `The role's policy must allow "s3:ListBucket" on "arn:aws:s3:::${bucket}" with the ` +
        `condition {"StringLike": {"s3:prefix": ["${probe.prefix}*"]}}.`;
}

/** Step 11b: listing under the user's real prefix is allowed (pitfall S10). */
export async function checkPrefix(
  ctx: DoctorContext,
  probe: LocationProbe | undefined,
): Promise<StepOutcome> {
  if (!probe?.listing) return noCredentials();
  const { bucket, name } = probe.config;
  const params = { bucket, location: name, prefix: probe.prefix };
  if (probe.listing.ok) {
    return passed(
      'doctor.prefix.ok',
      `Listing s3://${bucket}/${probe.prefix} is allowed: that is where this user's files go.`,
      params,
    );
  }
  const aws = describeError(probe.listing.error);
  if (!probe.ownFolder) {
    return failed(
      'doctor.prefix.denied',
      `S3 refused to list s3://${bucket}/${probe.prefix} (${aws}).`,
      listPolicy(probe),
      params,
    );
  }
  // The classic mistake: a policy keyed on the user pool sub instead of the identity ID.
  const bySub = await listOne(ctx, probe.s3, probe.s3Bucket, `${probe.userPoolSub}/`);
  const subHint = bySub.ok
    ? ` The policy does allow s3://${bucket}/${probe.userPoolSub}/, the user pool sub: it was ` +
      'written for the wrong ID.'
    : '';
  return failed(
    'doctor.prefix.denied',
    `S3 refused to list this user's own folder s3://${bucket}/${probe.prefix} (${aws}).${subHint}`,
    `${listPolicy(probe)} \${cognito-identity.amazonaws.com:sub} is the identity ID ` +
      `(${probe.identityId}), not the user pool sub (${probe.userPoolSub}) and not the username, ` +
      `so this user's folder is "${probe.prefix}".`,
    {
      ...params,
      identityId: probe.identityId,
      userPoolSub: probe.userPoolSub,
      policyUsesSub: bySub.ok ? 1 : 0,
    },
  );
}
