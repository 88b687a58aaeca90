import { runUnsafeSimulation } from '@cloud-copilot/iam-simulate';
import type { IssuedCredentials } from '../cognito-identity/model';
import type { LocalAwsContext } from '../context';
import type { PolicyDocument, ResourcePolicyDocument } from '../setup/schema';
import { substituteCognitoVariables, type CognitoSessionValues } from './policy-variables';
import { describeSession, roleNameOf } from './session';

export type Decision = 'Allowed' | 'ImplicitlyDenied' | 'ExplicitlyDenied';

export interface S3AuthorizationRequest {
  /** The caller's credentials, as stored in ctx.state.credentials. */
  credentials: IssuedCredentials;
  /** e.g. 's3:PutObject', 's3:ListBucket' */
  action: string;
  /** 'arn:aws:s3:::bucket', 'arn:aws:s3:::bucket/key', or an access point's ARN and object ARN */
  resource: string;
  /** Request condition keys, e.g. { 's3:prefix': 'abc/' } */
  context?: Record<string, string>;
  /** The bucket's or access point's policy, evaluated with the role's as IAM does (same account). */
  resourcePolicy?: ResourcePolicyDocument;
  /** Whether the request came over TLS: aws:SecureTransport, which TLS-only bucket policies test. */
  secureTransport?: boolean;
}

// Substituted policies per policy document and session; a policy is replaced, never edited, so
// keying on the object drops stale entries with it.
const resolvedPolicies = new WeakMap<object, Map<string, PolicyDocument>>();

function resolvedPolicy<T extends PolicyDocument>(policy: T, values: CognitoSessionValues): T {
  let perSession = resolvedPolicies.get(policy);
  if (!perSession) resolvedPolicies.set(policy, (perSession = new Map()));
  const key = `${values.aud}|${values.sub}|${values.amr[0] ?? ''}`;
  let resolved = perSession.get(key) as T | undefined;
  if (!resolved) perSession.set(key, (resolved = substituteCognitoVariables(policy, values)));
  return resolved;
}

/**
 * A resource policy in the shape iam-simulate's ValidatedPolicy documents: runUnsafeSimulation
 * loads a plain resource policy without the name its analysis reads, and fails; a validated one
 * carries its name in.
 */
function namedResourcePolicy(policy: ResourcePolicyDocument) {
  return { __validated: true, policyDocument: policy, metadata: { name: 'resource' }, errors: [] };
}

// iam-simulate reads '*' in a request resource as a wildcard and its regexes stop at line breaks;
// an S3 key may hold both literally, so they become a private-use character that only a policy
// wildcard can match.
const LITERAL_IN_RESOURCE = /[*\n\r\u2028\u2029]/g;
const LINE_BREAK = /[\n\r\u2028\u2029]/g;
const OPAQUE = '\uE000';

/** Decides one S3 request against the caller's role policy and the resource's policy, if any. */
export function authorizeS3(ctx: LocalAwsContext, request: S3AuthorizationRequest): Decision {
  const { credentials } = request;
  const role = ctx.state.roles[credentials.roleArn];
  if (!role) return 'ImplicitlyDenied';
  const session = describeSession(ctx, credentials);
  const policy = resolvedPolicy(role.policy, session.cognito);
  const { resourcePolicy } = request;
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
      identityPolicies: [{ name: roleNameOf(role.arn), policy }],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      ...(resourcePolicy
        ? { resourcePolicy: namedResourcePolicy(resolvedPolicy(resourcePolicy, session.cognito)) }
        : {}),
    },
    {},
  );
}
