import type { DoctorContext } from '../context';
import { failed, passed, skipped } from '../outcome';
import {
  probeAppClient,
  type InitiateProbes,
  type InitiateVerdict,
} from '../probes/initiate-probe';
import { probeUserPool } from '../probes/pool-probe';
import type { StepOutcome } from '../types';

const unreachable = (message: string) =>
  failed(
    'doctor.userPool.unreachable',
    `The user pool service did not answer (${message}).`,
    'Check the network connection, or the cognitoIdp address in "endpoints".',
  );

const unexpected = (what: string, message: string) =>
  failed(
    'doctor.userPool.unexpected',
    `Cognito answered ${what} with an error doctor does not know: ${message}.`,
    'Check userPoolId, clientId and region in the config against the Cognito console.',
    { error: message },
  );

/** Step 3: the user pool exists (public key set) and the app client exists (InitiateAuth). */
export async function checkUserPool(ctx: DoctorContext): Promise<StepOutcome> {
  const { userPoolId, clientId, region } = ctx.config;
  const [pool, probes] = await Promise.all([probeUserPool(ctx), probeAppClient(ctx)]);
  ctx.facts.initiate = probes;
  const client = probes.configured;
  const params = { userPoolId, clientId, region };
  if (pool.kind === 'unreachable') return unreachable(pool.message);
  if (client.kind === 'unreachable') return unreachable(client.message);
  if (pool.kind === 'missing') {
    const clientExists = client.kind !== 'clientMissing' && client.kind !== 'unexpected';
    return failed(
      'doctor.userPool.poolMissing',
      `User pool ${userPoolId} does not exist in region ${region}.` +
        (clientExists
          ? ` App client ${clientId} does exist, so userPoolId is probably wrong.`
          : ''),
      `Copy the "User pool ID" from the Cognito console (the pool that app client ${clientId} ` +
        'belongs to) into userPoolId, and make sure region is the region shown there.',
      params,
    );
  }
  if (client.kind === 'clientMissing') {
    return failed(
      'doctor.userPool.clientMissing',
      `User pool ${userPoolId} exists, but app client ${clientId} does not (${client.message}).`,
      `In the Cognito console open user pool ${userPoolId} > App integration > App clients, and ` +
        'copy the Client ID of the app client made for Hakobu into clientId.',
      params,
    );
  }
  if (pool.kind === 'unexpected') return unexpected('the key-set request', pool.message);
  if (client.kind === 'unexpected') return unexpected('InitiateAuth', client.message);
  return passed(
    'doctor.userPool.ok',
    `User pool ${userPoolId} and app client ${clientId} exist in ${region}.`,
    params,
  );
}

/** Step 4: the app client allows the configured sign-in flow (pitfall S6). */
export function checkAuthFlow(ctx: DoctorContext): StepOutcome {
  const probes = ctx.facts.initiate;
  if (!probes) return skipped('doctor.skipped.noProbe', 'The app client could not be probed.');
  const { flow, configured, other } = probes;
  const { clientId } = ctx.config;
  if (configured.kind !== 'flowDisabled') {
    return passed(
      'doctor.authFlow.ok',
      `App client ${clientId} allows ${flow}, the flow in the config.`,
      { flow },
    );
  }
  const otherAllowed = other && other.verdict.kind !== 'flowDisabled';
  const fix = otherAllowed
    ? `Either set "authFlow": "${other.flow}" in the Hakobu config (the client allows it), or ` +
      `enable ALLOW_${flow} on app client ${clientId} (Cognito console > App clients > Edit > ` +
      'Authentication flows). USER_SRP_AUTH is preferred: the password never leaves the computer.'
    : `Enable ALLOW_${flow} on app client ${clientId} (Cognito console > App clients > Edit > ` +
      'Authentication flows), together with ALLOW_REFRESH_TOKEN_AUTH.';
  return failed(
    'doctor.authFlow.notEnabled',
    `App client ${clientId} does not allow ${flow}, the flow in the config ` +
      `(Cognito says "${configured.message}").` +
      (other ? ` It ${otherAllowed ? 'does' : 'does not'} allow ${other.flow}.` : ''),
    fix,
    { flow, otherFlow: other?.flow ?? '', otherAllowed: otherAllowed ? 1 : 0, clientId },
  );
}

/** The probe that got past the flow check, if any: it tells whether a secret is demanded. */
function pastFlowCheck(probes: InitiateProbes): InitiateVerdict | undefined {
  if (probes.configured.kind !== 'flowDisabled') return probes.configured;
  const other = probes.other?.verdict;
  return other && other.kind !== 'flowDisabled' ? other : undefined;
}

/** Step 5: the app client has no secret, which a desktop app could not keep (pitfall S7). */
export function checkClientSecret(ctx: DoctorContext): StepOutcome {
  const probes = ctx.facts.initiate;
  const verdict = probes && pastFlowCheck(probes);
  const { clientId } = ctx.config;
  if (!verdict) {
    return skipped(
      'doctor.clientSecret.unknown',
      `App client ${clientId} allows neither USER_SRP_AUTH nor USER_PASSWORD_AUTH, so whether it ` +
        'has a secret could not be checked.',
    );
  }
  if (verdict.kind === 'secretRequired') {
    return failed(
      'doctor.clientSecret.present',
      `App client ${clientId} has a client secret: Cognito demands a SECRET_HASH with every ` +
        `sign-in ("${verdict.message}").`,
      'Use a public app client (no secret): a secret shipped inside a desktop app is not secret. ' +
        'In the Cognito console create an app client with "Don\'t generate a client secret" ' +
        '(type: public client), allow USER_SRP_AUTH and ALLOW_REFRESH_TOKEN_AUTH, put its ID in ' +
        "clientId, and add it to the identity pool's Cognito provider.",
      { clientId },
    );
  }
  return passed(
    'doctor.clientSecret.ok',
    `App client ${clientId} is a public client (no secret).`,
    {
      clientId,
    },
  );
}
