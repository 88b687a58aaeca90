import { DescribeIdentityPoolCommand, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import type { DoctorContext } from '../context';
import { failed, passed, warned } from '../outcome';
import { attempt, describeError, type ProbeError } from '../probes/attempt';
import type { StepOutcome } from '../types';

const GUEST_FIX =
  'Hakobu never uses unauthenticated (guest) identities. Unless another application needs them, ' +
  'turn off guest access in the identity pool (Cognito console > Identity pool > User access > ' +
  'Guest access), so nobody can get AWS credentials without signing in.';

function poolError(ctx: DoctorContext, error: ProbeError): StepOutcome {
  const { identityPoolId, region } = ctx.config;
  if (error.network) {
    return failed(
      'doctor.identityPool.unreachable',
      `The identity pool service did not answer (${error.message}).`,
      'Check the network connection, or the cognitoIdentity address in "endpoints".',
    );
  }
  if (error.code === 'ResourceNotFoundException') {
    return failed(
      'doctor.identityPool.missing',
      `Identity pool ${identityPoolId} does not exist in region ${region} (${describeError(error)}).`,
      'Copy the "Identity pool ID" from the Cognito console (Identity pools) into identityPoolId.',
      { identityPoolId, region },
    );
  }
  return failed(
    'doctor.identityPool.unexpected',
    `The identity pool answered with an error doctor does not know: ${describeError(error)}.`,
    'Check identityPoolId and region in the config against the Cognito console.',
    { error: describeError(error) },
  );
}

function guestVerdict(ctx: DoctorContext, guestsAllowed: boolean, how: string): StepOutcome {
  const { identityPoolId } = ctx.config;
  if (guestsAllowed) {
    return warned(
      'doctor.identityPool.guestsAllowed',
      `Identity pool ${identityPoolId} exists and gives AWS credentials to anyone, without ` +
        `sign-in (unauthenticated identities are enabled; ${how}).`,
      GUEST_FIX,
      { identityPoolId },
    );
  }
  return passed(
    'doctor.identityPool.ok',
    `Identity pool ${identityPoolId} exists and refuses unauthenticated (guest) identities.`,
    { identityPoolId },
  );
}

/**
 * Step 6: the identity pool exists and does not hand out guest credentials (pitfall S3). With
 * administrator credentials this is read from DescribeIdentityPool; without, it asks for an
 * identity with no sign-in at all, which a pool without guest access refuses.
 */
export async function checkIdentityPool(ctx: DoctorContext): Promise<StepOutcome> {
  const { identityPoolId } = ctx.config;
  const admin = ctx.clients.adminIdentity;
  if (admin) {
    const described = await attempt(() =>
      admin.send(new DescribeIdentityPoolCommand({ IdentityPoolId: identityPoolId }), {
        abortSignal: ctx.signal(),
      }),
    );
    if (described.ok) {
      ctx.facts.poolDescription = described.value;
      const allowed = described.value.AllowUnauthenticatedIdentities === true;
      return guestVerdict(ctx, allowed, 'read with DescribeIdentityPool');
    }
    if (described.error.code === 'ResourceNotFoundException')
      return poolError(ctx, described.error);
    ctx.log.info(
      `DescribeIdentityPool refused, probing instead: ${describeError(described.error)}`,
    );
  }
  const guest = await attempt(() =>
    ctx.clients.identity.send(new GetIdCommand({ IdentityPoolId: identityPoolId }), {
      abortSignal: ctx.signal(),
    }),
  );
  if (guest.ok) {
    return guestVerdict(
      ctx,
      true,
      `doctor asked for an identity without signing in and got ${guest.value.IdentityId ?? 'one'}`,
    );
  }
  const { error } = guest;
  if (error.code === 'NotAuthorizedException' && /unauthenticated/i.test(error.message)) {
    return guestVerdict(ctx, false, '');
  }
  return poolError(ctx, error);
}
