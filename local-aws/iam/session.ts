import { createHash } from 'node:crypto';
import { amrFor } from '../cognito-identity/amr';
import type { IssuedCredentials } from '../cognito-identity/model';
import type { LocalAwsContext } from '../context';
import type { CognitoSessionValues } from './policy-variables';

/** The role session name Cognito Identity gives every session it opens. */
export const ROLE_SESSION_NAME = 'CognitoIdentityCredentials';

/** The role's name: the last path segment of its ARN. */
export const roleNameOf = (roleArn: string) => roleArn.slice(roleArn.lastIndexOf('/') + 1);

/** A stable role ID (AROA…) derived from the ARN, standing in for the one IAM assigns. */
export function roleIdOf(roleArn: string): string {
  const digest = createHash('sha256').update(roleArn).digest();
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let id = 'AROA';
  for (let i = 0; i < 17; i++) id += alphabet[(digest[i] ?? 0) % alphabet.length];
  return id;
}

/** Everything IAM knows about the caller of a request signed with issued credentials. */
export interface RoleSession {
  /** arn:aws:sts::<account>:assumed-role/<role name>/CognitoIdentityCredentials */
  principalArn: string;
  cognito: CognitoSessionValues;
  /** Global and Cognito condition keys, as AWS fills them for a web-identity role session. */
  contextKeys: Record<string, string | string[]>;
}

/** Describes the role session behind issued credentials, at the current time. */
export function describeSession(ctx: LocalAwsContext, credentials: IssuedCredentials): RoleSession {
  const { accountId } = ctx.state;
  const identity =
    ctx.state.identityPools[credentials.identityPoolId]?.identities[credentials.identityId];
  const amr = credentials.amr ?? amrFor(identity ?? { logins: {} });
  const cognito: CognitoSessionValues = {
    sub: credentials.identityId,
    aud: credentials.identityPoolId,
    amr,
  };
  const now = ctx.now();
  return {
    principalArn: `arn:aws:sts::${accountId}:assumed-role/${roleNameOf(credentials.roleArn)}/${ROLE_SESSION_NAME}`,
    cognito,
    contextKeys: {
      'aws:PrincipalArn': credentials.roleArn,
      'aws:PrincipalAccount': accountId,
      'aws:PrincipalType': 'AssumedRole',
      'aws:userid': `${roleIdOf(credentials.roleArn)}:${ROLE_SESSION_NAME}`,
      'aws:FederatedProvider': 'cognito-identity.amazonaws.com',
      'aws:RequestedRegion': ctx.region,
      'aws:CurrentTime': new Date(now).toISOString(),
      'aws:EpochTime': String(Math.floor(now / 1000)),
      'cognito-identity.amazonaws.com:sub': cognito.sub,
      'cognito-identity.amazonaws.com:aud': cognito.aud,
      'cognito-identity.amazonaws.com:amr': [...amr],
    },
  };
}
