import { randomUUID } from 'node:crypto';
import type { DoctorContext } from '../../context';
import { passed, skipped, warned } from '../../outcome';
import { describeError } from '../../probes/attempt';
import { deleteProbe, putProbe } from '../../probes/s3-probes';
import type { StepOutcome } from '../../types';
import type { LocationProbe } from './location-probe';

const OFF_FIX =
  'Set "transfers": {"conditionalWrites": false} in the managed configuration, so Hakobu looks ' +
  'each file up before sending it and never replaces an existing file unasked.';

/**
 * Step 11e: the target honours If-None-Match: * on PutObject, which Hakobu relies on to find
 * name conflicts without a request per file. A second conditional write of the probe must be
 * refused with 412; a target that lets it through ignores the header, so uploads would replace
 * existing files without asking unless the configuration turns conditional writes off.
 */
export async function checkConditionalWrites(
  ctx: DoctorContext,
  probe: LocationProbe | undefined,
): Promise<StepOutcome> {
  if (!probe) {
    return skipped('doctor.skipped.noCredentials', 'No AWS credentials to check the bucket with.');
  }
  const { bucket, name, access } = probe.config;
  const params = { bucket, location: name };
  if (access !== 'readwrite') {
    return skipped(
      'doctor.conditional.readOnly',
      `Location "${name}" is read-only in the config, so writing was not tried.`,
      params,
    );
  }
  const off = ctx.config.transfers.conditionalWrites === false;
  const key = `${probe.prefix}.hakobu-doctor-${randomUUID()}`;
  const first = await putProbe(ctx, probe.s3, probe.s3Bucket, key, true);
  // A 501 to the first write already says the header is not implemented.
  if (!first.ok && first.error.status !== 501) {
    return skipped(
      'doctor.conditional.notTried',
      `A test upload was refused (${describeError(first.error)}), so conditional writes could not be checked.`,
      params,
    );
  }
  const second = first.ok ? await putProbe(ctx, probe.s3, probe.s3Bucket, key, true) : first;
  if (first.ok) await deleteProbe(ctx, probe.s3, probe.s3Bucket, key);
  if (!second.ok && second.error.status === 412) {
    return passed(
      'doctor.conditional.ok',
      `s3://${bucket} refuses to replace an existing file when asked not to, so Hakobu finds name conflicts without an extra request per file.`,
      params,
    );
  }
  if (!second.ok && second.error.status !== 501) {
    return skipped(
      'doctor.conditional.notTried',
      `A test upload was refused (${describeError(second.error)}), so conditional writes could not be checked.`,
      params,
    );
  }
  if (second.ok && !off) {
    return warned(
      'doctor.conditional.ignored',
      `s3://${bucket} accepted a second upload of a test file sent with "If-None-Match: *": this storage service ignores conditional writes, so uploads could replace existing files without asking.`,
      OFF_FIX,
      params,
    );
  }
  return passed(
    'doctor.conditional.lookups',
    `Hakobu looks each file up before sending it to s3://${bucket}, because ${off ? 'the configuration turns conditional writes off' : 'this storage service does not implement conditional writes'}.`,
    params,
  );
}
