import { randomUUID } from 'node:crypto';
import type { DoctorContext } from '../../context';
import { failed, passed, skipped, warned } from '../../outcome';
import { describeError } from '../../probes/attempt';
import { deleteProbe, listOne, putProbe } from '../../probes/s3-probes';
import type { StepOutcome } from '../../types';
import { ownFolderArn, type LocationProbe } from './location-probe';

const noCredentials = () =>
  skipped('doctor.skipped.noCredentials', 'No AWS credentials to check the bucket with.');

/** Step 11c: a readwrite location can be written to and deleted from under the prefix. */
export async function checkWrite(
  ctx: DoctorContext,
  probe: LocationProbe | undefined,
): Promise<StepOutcome> {
  if (!probe) return noCredentials();
  const { bucket, name, access } = probe.config;
  if (access !== 'readwrite') {
    return skipped(
      'doctor.write.readOnly',
      `Location "${name}" is read-only in the config, so writing was not tried.`,
      { location: name },
    );
  }
  const key = `${probe.prefix}.hakobu-doctor-${randomUUID()}`;
  const params = { bucket, location: name, key };
  const objectArn = probe.ownFolder
    ? ownFolderArn(bucket)
    : `arn:aws:s3:::${bucket}/${probe.prefix}*`;
  const put = await putProbe(ctx, probe.s3, probe.s3Bucket, key);
  if (!put.ok) {
    const aws = describeError(put.error);
    return failed(
      put.error.code === 'AccessDenied' ? 'doctor.write.denied' : 'doctor.write.failed',
      `S3 refused a tiny test upload to s3://${bucket}/${key} (${aws}).`,
      `The role's policy must allow "s3:PutObject", "s3:AbortMultipartUpload" and ` +
        `"s3:ListMultipartUploadParts" on "${objectArn}" (uploads of large files are multipart ` +
        'and resumable).',
      { ...params, error: aws },
    );
  }
  const removed = await deleteProbe(ctx, probe.s3, probe.s3Bucket, key);
  if (!removed.ok) {
    return warned(
      'doctor.write.cannotDelete',
      `Uploading to s3://${bucket}/${probe.prefix} works, but deleting the test file ${key} was ` +
        `refused (${describeError(removed.error)}); it is still there.`,
      `Allow "s3:DeleteObject" on "${objectArn}" so users can delete and replace their files, and ` +
        'delete the test file.',
      params,
    );
  }
  return passed(
    'doctor.write.ok',
    `Uploaded and deleted a small test file under s3://${bucket}/${probe.prefix}.`,
    params,
  );
}

/** Step 11d: the user cannot list the whole bucket (other users' file names). */
export async function checkRootListing(
  ctx: DoctorContext,
  probe: LocationProbe | undefined,
): Promise<StepOutcome> {
  if (!probe) return noCredentials();
  const { bucket, name } = probe.config;
  const params = { bucket, location: name };
  if (probe.prefix === '') {
    return skipped(
      'doctor.rootListing.notApplicable',
      `Location "${name}" is the whole bucket, so listing it is meant to work.`,
      params,
    );
  }
  const listing = await listOne(ctx, probe.s3, probe.s3Bucket, undefined);
  if (listing.ok) {
    return warned(
      'doctor.rootListing.allowed',
      `Any signed-in user can list all of bucket ${bucket}, including other users' file names.`,
      `Unless the bucket is meant to be shared, add to the role's "s3:ListBucket" statement the ` +
        `condition {"StringLike": {"s3:prefix": ["\${cognito-identity.amazonaws.com:sub}/*"]}}.`,
      params,
    );
  }
  if (listing.error.code === 'AccessDenied') {
    return passed(
      'doctor.rootListing.ok',
      `Listing the whole of bucket ${bucket} is denied, so users cannot see each other's files.`,
      params,
    );
  }
  return warned(
    'doctor.rootListing.unexpected',
    `Listing the whole bucket gave an unexpected answer: ${describeError(listing.error)}.`,
    'Check the bucket policy and the role policy in the AWS console.',
    params,
  );
}
