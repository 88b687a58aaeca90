import { randomBytes, randomUUID } from 'node:crypto';
import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { HakobuConfig } from '../../config';
import type { DoctorContext } from '../context';
import { attempt, describeError } from './attempt';

export type AuthFlow = HakobuConfig['authFlow'];

/** What one InitiateAuth with a made-up user tells about the app client. */
export type InitiateVerdict =
  /** The client exists, allows the flow and needs no secret (the made-up user was refused). */
  | { kind: 'passed' }
  | { kind: 'clientMissing'; message: string }
  | { kind: 'flowDisabled'; message: string }
  | { kind: 'secretRequired'; message: string }
  | { kind: 'unreachable'; message: string }
  | { kind: 'unexpected'; message: string };

/** The probe with the configured flow and, when the client refuses it, with the other flow. */
export interface InitiateProbes {
  flow: AuthFlow;
  configured: InitiateVerdict;
  other?: { flow: AuthFlow; verdict: InitiateVerdict };
}

/** The flow Hakobu can use instead of the given one. */
export const otherFlow = (flow: AuthFlow): AuthFlow =>
  flow === 'USER_SRP_AUTH' ? 'USER_PASSWORD_AUTH' : 'USER_SRP_AUTH';

function parametersFor(flow: AuthFlow): Record<string, string> {
  // A user that cannot exist, so no real account is touched, locked out or counted as a failure.
  const USERNAME = `hakobu-doctor-probe-${randomUUID()}`;
  // SRP_A must be a plausible group element (non-zero mod N); 2048 random bits are below N.
  return flow === 'USER_SRP_AUTH'
    ? { USERNAME, SRP_A: randomBytes(256).toString('hex') }
    : { USERNAME, PASSWORD: randomUUID() };
}

/** Asks Cognito to start a sign-in for a made-up user, and reads what the refusal says. */
export async function probeInitiateAuth(
  ctx: DoctorContext,
  flow: AuthFlow,
): Promise<InitiateVerdict> {
  const result = await attempt(() =>
    ctx.clients.idp.send(
      new InitiateAuthCommand({
        ClientId: ctx.config.clientId,
        AuthFlow: flow,
        AuthParameters: parametersFor(flow),
      }),
      { abortSignal: ctx.signal() },
    ),
  );
  // A challenge for a made-up user: the client hides whether users exist, and everything else passed.
  if (result.ok) return { kind: 'passed' };
  const { error } = result;
  const message = describeError(error);
  if (error.network) return { kind: 'unreachable', message };
  if (error.code === 'ResourceNotFoundException') return { kind: 'clientMissing', message };
  if (/secret/i.test(error.message)) return { kind: 'secretRequired', message };
  if (error.code === 'InvalidParameterException' && /not enabled/i.test(error.message))
    return { kind: 'flowDisabled', message };
  if (error.code === 'UserNotFoundException' || error.code === 'NotAuthorizedException')
    return { kind: 'passed' };
  return { kind: 'unexpected', message };
}

/** Probes the configured flow, and the other flow too when the client does not allow it. */
export async function probeAppClient(ctx: DoctorContext): Promise<InitiateProbes> {
  const flow = ctx.config.authFlow;
  const configured = await probeInitiateAuth(ctx, flow);
  if (configured.kind !== 'flowDisabled') return { flow, configured };
  const alternative = otherFlow(flow);
  return {
    flow,
    configured,
    other: { flow: alternative, verdict: await probeInitiateAuth(ctx, alternative) },
  };
}
