import {
  GetCredentialsForIdentityCommand,
  GetIdentityPoolRolesCommand,
} from '@aws-sdk/client-cognito-identity';
import type { DoctorContext } from '../context';
import { failed, passed, skipped } from '../outcome';
import { attempt, describeError, type ProbeError } from '../probes/attempt';
import { loginProviderName } from '../probes/services';
import type { StepOutcome } from '../types';
import {
  chooseRole,
  diagnosePoolConfiguration,
  trustPolicyNeeded,
  type PoolConfigurationCause,
  type RoleFacts,
} from './role-diagnosis';

const CONSOLE_ROLES = 'Cognito console > Identity pools > User access';

async function readPoolRoles(ctx: DoctorContext): Promise<void> {
  const admin = ctx.clients.adminIdentity;
  if (!admin || ctx.facts.poolRoles) return;
  const roles = await attempt(() =>
    admin.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: ctx.config.identityPoolId }), {
      abortSignal: ctx.signal(),
    }),
  );
  if (roles.ok) ctx.facts.poolRoles = roles.value;
  else ctx.log.info(`GetIdentityPoolRoles refused: ${describeError(roles.error)}`);
}

function causeOutcome(ctx: DoctorContext, cause: PoolConfigurationCause, aws: string): StepOutcome {
  const { identityPoolId } = ctx.config;
  const trust = trustPolicyNeeded(identityPoolId);
  const said = `The identity pool refused to issue AWS credentials ("${aws}").`;
  switch (cause.kind) {
    case 'noRoleAssigned':
      return failed(
        'doctor.role.noRoleAssigned',
        `${said} Cause: identity pool ${identityPoolId} has no authenticated role assigned.`,
        `Assign an authenticated role to identity pool ${identityPoolId} (${CONSOLE_ROLES} > ` +
          `Authenticated role). ${trust}`,
        { cause: cause.kind, identityPoolId },
      );
    case 'tokenRoleUnusable': {
      const from =
        cause.source === 'customRoleArn'
          ? 'set as customRoleArn in the config'
          : "chosen from the token (the user's group role, cognito:preferred_role)";
      return failed(
        'doctor.role.tokenRoleUnusable',
        `${said} Cause: the role from the token is misconfigured: ${cause.roleArn}, ${from}, ` +
          'cannot be assumed by Cognito.',
        `Check role ${cause.roleArn} in IAM: it must exist, and ` +
          `${trustPolicyNeeded(identityPoolId, 'its')} ` +
          'The user-pool group that carries this role must name the right ARN.',
        { cause: cause.kind, roleArn: cause.roleArn, identityPoolId },
      );
    }
    case 'trustPolicy':
      return failed(
        'doctor.role.trustPolicy',
        `${said} Cause: the authenticated role ${cause.roleArn} is assigned, but its trust policy ` +
          `does not let Cognito assume it for identity pool ${identityPoolId} (or the role was deleted).`,
        `Edit the trust relationship of ${cause.roleArn} in IAM. ${trust}`,
        { cause: cause.kind, roleArn: cause.roleArn, identityPoolId },
      );
    case 'undetermined':
      return failed(
        'doctor.role.poolConfiguration',
        `${said} The role in play is ${cause.choice.words}. AWS gives the same error when no ` +
          'authenticated role is assigned and when the role cannot be assumed; doctor needs ' +
          'administrator credentials to tell which.',
        `Check in ${CONSOLE_ROLES}: (1) an authenticated role is assigned; (2) if "choose role ` +
          'from token" is on, the role of each user-pool group exists; (3) the role in use can ' +
          `be assumed: ${trust}`,
        { cause: cause.kind, identityPoolId },
      );
  }
}

function refused(ctx: DoctorContext, error: ProbeError, facts: RoleFacts): StepOutcome {
  const aws = describeError(error);
  if (error.code === 'InvalidIdentityPoolConfigurationException') {
    return causeOutcome(ctx, diagnosePoolConfiguration(facts), aws);
  }
  const tokenRoles = facts.claims.roles.join(', ') || 'none';
  if (/ambiguous/i.test(error.message)) {
    return failed(
      'doctor.role.ambiguous',
      `The identity pool chooses the role from the token, but this user's token names no single ` +
        `role (roles: ${tokenRoles}) and ambiguous cases are denied ("${aws}").`,
      "Give the user's groups a precedence so the token carries cognito:preferred_role, set " +
        'customRoleArn in the config to one of the roles above, or set the role resolution to ' +
        `"Use default authenticated role" (${CONSOLE_ROLES}).`,
      { tokenRoles },
    );
  }
  if (/role/i.test(error.message) && ctx.config.customRoleArn) {
    return failed(
      'doctor.role.customRoleNotGranted',
      `customRoleArn ${ctx.config.customRoleArn} is not one of the roles this user's groups ` +
        `grant (cognito:roles: ${tokenRoles}) ("${aws}").`,
      'Set customRoleArn to one of those roles, remove it to use the default, or add the user ' +
        'to the user-pool group whose role it is.',
      { roleArn: ctx.config.customRoleArn, tokenRoles },
    );
  }
  return failed(
    'doctor.role.unexpected',
    `The identity pool refused to issue AWS credentials: ${aws}.`,
    `Check the identity pool's roles and role settings (${CONSOLE_ROLES}).`,
    { error: aws },
  );
}

/**
 * Step 10: GetCredentialsForIdentity with the ID token (and customRoleArn), naming the role in use,
 * or which of the causes of InvalidIdentityPoolConfigurationException applies (pitfalls S8, S9).
 */
export async function checkRole(ctx: DoctorContext): Promise<StepOutcome> {
  const { user, identityId } = ctx.facts;
  if (!user || !identityId) return skipped('doctor.skipped.noIdentity', 'No identity ID.');
  const { customRoleArn } = ctx.config;
  const result = await attempt(() =>
    ctx.clients.identity.send(
      new GetCredentialsForIdentityCommand({
        IdentityId: identityId,
        Logins: { [loginProviderName(ctx.config)]: user.idToken },
        ...(customRoleArn ? { CustomRoleArn: customRoleArn } : {}),
      }),
      { abortSignal: ctx.signal() },
    ),
  );
  await readPoolRoles(ctx);
  const facts: RoleFacts = {
    config: ctx.config,
    claims: user.claims,
    poolRoles: ctx.facts.poolRoles,
  };
  if (!result.ok) return refused(ctx, result.error, facts);
  const c = result.value.Credentials;
  if (!c?.AccessKeyId || !c.SecretKey || !c.SessionToken || !c.Expiration) {
    return failed(
      'doctor.role.incomplete',
      'The identity pool answered without complete credentials.',
      'Run doctor again; if it persists, check the identity pool in the Cognito console.',
    );
  }
  ctx.facts.credentials = {
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretKey,
    sessionToken: c.SessionToken,
    expiration: c.Expiration,
  };
  const role = chooseRole(facts);
  return passed(
    'doctor.role.ok',
    `AWS credentials issued for identity ${identityId}, valid until ` +
      `${c.Expiration.toISOString()}. Role in use: ${role.words}.`,
    { identityId, role: role.roleArn ?? '', roleSource: role.source },
  );
}
