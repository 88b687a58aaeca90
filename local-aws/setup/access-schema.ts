// What the stand-in enforces on S3: IAM policies, roles, buckets and access points, as a setup
// file declares them.
import { z } from 'zod';

const PolicyStatement = z.object({
  Sid: z.string().optional(),
  Effect: z.enum(['Allow', 'Deny']),
  Action: z.union([z.string(), z.array(z.string())]),
  Resource: z.union([z.string(), z.array(z.string())]),
  Condition: z
    .record(z.string(), z.record(z.string(), z.union([z.string(), z.array(z.string())])))
    .optional(),
});
export const PolicyDocument = z.object({
  Version: z.literal('2012-10-17'),
  Statement: z.array(PolicyStatement).min(1),
});
export type PolicyDocument = z.infer<typeof PolicyDocument>;

/** A resource policy statement: a policy statement that names whom it applies to. */
const ResourcePolicyStatement = PolicyStatement.extend({
  Principal: z.union([
    z.literal('*'),
    z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  ]),
});
/** A bucket or access point policy (IAM resource policy). */
export const ResourcePolicyDocument = z.object({
  Version: z.literal('2012-10-17'),
  Statement: z.array(ResourcePolicyStatement).min(1),
});
export type ResourcePolicyDocument = z.infer<typeof ResourcePolicyDocument>;

/** An object a bucket starts with, so an example's gallery has something to show. */
export const SeedObjectSetup = z.object({
  key: z
    .string()
    .min(1)
    .refine((key) => Buffer.byteLength(key) <= 1024, 'is longer than 1,024 bytes'),
  contentType: z.string().min(1).default('application/octet-stream'),
  base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
});
export type SeedObjectSetup = z.infer<typeof SeedObjectSetup>;

export const BucketSetup = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/),
  /** The bucket policy; with none, only the caller's role decides (same account). */
  policy: ResourcePolicyDocument.optional(),
  /** Objects stored when the data folder is new. */
  objects: z.array(SeedObjectSetup).default([]),
});

/** An S3 access point: a named way into one bucket, with a policy of its own. */
export const AccessPointSetup = z.object({
  // S3's rules: 3-50 lowercase letters, digits and hyphens, not at either end, no -s3alias suffix.
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,48}[a-z0-9]$/)
    .refine((name) => !name.endsWith('-s3alias'), 'must not end with -s3alias'),
  /** Name of a bucket in this setup. */
  bucket: z.string().min(1),
  /** The access point policy; with none, the access point adds no grant of its own. */
  policy: ResourcePolicyDocument.optional(),
});
export type AccessPointSetup = z.infer<typeof AccessPointSetup>;

export const RoleSetup = z.object({
  arn: z.string().regex(/^arn:aws:iam::\d{12}:role\/[\w+=,.@/-]+$/),
  /** Trust policy; the stand-in checks it names cognito-identity.amazonaws.com with aud and amr. */
  trustPolicy: z.unknown().optional(),
  policy: PolicyDocument,
});
export type RoleSetup = z.infer<typeof RoleSetup>;
