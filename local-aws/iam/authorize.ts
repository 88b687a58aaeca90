import { runUnsafeSimulation } from '@cloud-copilot/iam-simulate';
import type { IssuedCredentials, RoleState } from '../cognito-identity/model';
import type { LocalAwsContext } from '../context';
import type { PolicyDocument } from '../setup/schema';
import { substituteCognitoVariables } from './policy-variables';
import { describeSession, roleNameOf } from './session';

export type Decision = 'Allowed' | 'ImplicitlyDenied' | 'ExplicitlyDenied';

export interface S3AuthorizationRequest {
  /** The caller's credentials, as stored in ctx.state.credentials. */
  credentials: IssuedCredentials;
  /** e.g. 's3:PutObject', 's3:ListBucket' */
  action: string;
  /** 'arn:aws:s3:::bucket' or 'arn:aws:s3:::bucket/key' */
  resource: string;
  /** Request condition keys, e.g. { 's3:prefix': 'abc/' } */
  context?: Record<string, string>;
  /** Whether the request came over TLS: aws:SecureTransport, which TLS-only bucket policies test. */
  secureTransport?: boolean;
}

/** The bucket a request resource names (arn:aws:s3:::<bucket>[/<key>]). */
const bucketOf = (resource: string) => resource.slice('arn:aws:s3:::'.length).split('/')[0] ?? '';

// Substituted policies per role and session; a RoleState is replaced, never edited, so keying on
// the object drops stale entries with it.
const resolvedPolicies = new WeakMap<RoleState, Map<string, PolicyDocument>>();

function resolvedPolicy(
  role: RoleState,
  values: Parameters<typeof substituteCognitoVariables>[1],
): PolicyDocument {
  let perSession = resolvedPolicies.get(role);
  if (!perSession) resolvedPolicies.set(role, (perSession = new Map()));
  const key = `${values.aud}|${values.sub}|${values.amr[0] ?? ''}`;
  let policy = perSession.get(key);
  if (!policy) perSession.set(key, (policy = substituteCognitoVariables(role.policy, values)));
  return policy;
}

// iam-simulate reads '*' in a request resource as a wildcard and its regexes stop at line breaks;
// an S3 key may hold both literally, so they become a private-use character that only a policy
// wildcard can match.
const LITERAL_IN_RESOURCE = /[*\n\r\u2028\u2029]/g;
const LINE_BREAK = /[\n\r\u2028\u2029]/g;
const OPAQUE = '\uE000';

/** Decides one S3 request against the caller's role policy and the bucket's deny statements. */
export function authorizeS3(ctx: LocalAwsContext, request: S3AuthorizationRequest): Decision {
  const { credentials } = request;
  const role = ctx.state.roles[credentials.roleArn];
  if (!role) return 'ImplicitlyDenied';
  const session = describeSession(ctx, credentials);
  const policy = resolvedPolicy(role, session.cognito);
  const bucket = bucketOf(request.resource);
  const bucketPolicy = Object.hasOwn(ctx.state.buckets, bucket)
    ? ctx.state.buckets[bucket]?.policy
    : undefined;
  const requestKeys = Object.fromEntries(
    Object.entries(request.context ?? {}).map(([key, value]) => [
      key,
      value.replace(LINE_BREAK, OPAQUE),
    ]),
  );
  return runUnsafeSimulation(
    {
      request: {
        principal: session.principalArn,
        action: request.action,
        resource: {
          resource: request.resource.replace(LITERAL_IN_RESOURCE, OPAQUE),
          accountId: ctx.state.accountId,
        },
        contextVariables: {
          ...session.contextKeys,
          'aws:SecureTransport': String(request.secureTransport ?? false),
          ...requestKeys,
        },
      },
      // A bucket policy here only denies every caller (setup/bucket-policy.ts), which decides
      // the same as a resource policy would; iam-simulate's unsafe engine cannot take one.
      identityPolicies: [
        { name: roleNameOf(role.arn), policy },
        ...(bucketPolicy ? [{ name: 'BucketPolicy', policy: bucketPolicy }] : []),
      ],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
    },
    {},
  );
}
