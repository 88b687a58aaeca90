import { z } from 'zod';
import type { PolicyDocument } from './schema';

/** "Principal": "*" or {"AWS": "*"} (or ["*"]): a statement that applies to every caller. */
const Everyone = z.union([
  z.literal('*'),
  z.object({ AWS: z.union([z.literal('*'), z.tuple([z.literal('*')])]) }).strict(),
]);

const StringOrList = z.union([z.string(), z.array(z.string())]);
// Condition values may be written as JSON booleans or numbers ("Bool": {"aws:SecureTransport": false}).
const ConditionValue = z.union([
  StringOrList,
  z.boolean().transform(String),
  z.number().transform(String),
]);

const DenyForEveryone = z
  .object({
    Sid: z.string().optional(),
    Effect: z.literal('Deny', {
      error: 'local-aws models bucket policy statements that deny; grant access in the role policy',
    }),
    Principal: Everyone,
    Action: StringOrList,
    Resource: StringOrList,
    Condition: z.record(z.string(), z.record(z.string(), ConditionValue)).optional(),
  })
  .strict();

/**
 * A bucket policy as local-aws can enforce it: statements that deny every caller under some
 * condition, such as CDK's enforceSSL (Deny s3:* when aws:SecureTransport is false). Such a
 * statement decides the same for every principal, so it is evaluated beside the caller's role
 * policy, where its explicit deny wins as it does in S3. Grants to named principals are refused
 * here rather than silently ignored.
 */
export const BucketPolicy = z
  .object({
    Version: z.literal('2012-10-17'),
    // IAM takes one statement or a list; a list keeps each statement's errors on its own path.
    Statement: z.preprocess(
      (value) => (Array.isArray(value) ? value : [value]),
      z.array(DenyForEveryone).min(1),
    ),
  })
  .transform((policy): PolicyDocument => ({
    Version: policy.Version,
    Statement: policy.Statement.map(({ Principal: _everyone, ...statement }) => statement),
  }));
