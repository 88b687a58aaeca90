import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { DEMO_PASSWORD, DEMO_USERNAME } from './default-setup';
import { LocalAwsSetup, type UserSetup } from './schema';
import { CfnTemplate, resourcesOfType } from './template/cfn-template';
import { resolveIntrinsics } from './template/intrinsics';
import type { DeployTarget } from './template/physical-ids';
import { templateReferences } from './template/references';
import { identityPoolsOf, userPoolsOf } from './template/cognito';
import { rolePermissions } from './template/role-policies';

/** How to "deploy" a template into local-aws. */
export interface FromTemplateOptions {
  region?: string;
  accountId?: string;
  stackName?: string;
  /** Values for template parameters without defaults (or to override defaults). */
  parameters?: Record<string, string>;
  /** Users to create in the first user pool (pools are admin-created only); the first is the demo user. */
  users?: z.input<typeof UserSetup>[];
}

/** A template turned into a local-aws setup, plus what CloudFormation would have output. */
export interface TemplateSetup {
  setup: LocalAwsSetup;
  /** Each Output's value, resolved with the physical IDs the setup uses. */
  outputs: Record<string, string>;
  /** Resources local-aws does not model (e.g. a managed-login domain), by logical ID. */
  ignored: { logicalId: string; type: string }[];
}

const MODELLED = new Set([
  'AWS::Cognito::UserPool',
  'AWS::Cognito::UserPoolClient',
  'AWS::Cognito::UserPoolGroup',
  'AWS::Cognito::IdentityPool',
  'AWS::Cognito::IdentityPoolRoleAttachment',
  'AWS::IAM::Role',
  'AWS::IAM::Policy',
  'AWS::IAM::ManagedPolicy',
  'AWS::S3::Bucket',
  'AWS::S3::BucketPolicy',
]);

/**
 * Reads a synthesized CloudFormation template (Hakobu's infra stack or any like it) into a
 * local-aws setup: its user pools, clients, groups, identity pools and role mappings, IAM roles
 * with their trust and permission policies, and buckets with their bucket policies. Intrinsics
 * are resolved with IDs derived from the logical IDs, so the same template always gets the same
 * pool, client and identity pool IDs, role ARNs and bucket names.
 */
export function setupFromTemplate(
  templateJson: unknown,
  options: FromTemplateOptions = {},
): TemplateSetup {
  const parsed = CfnTemplate.safeParse(templateJson);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || '(root)';
    throw new Error(`not a CloudFormation template: ${where}: ${issue?.message ?? ''}`);
  }
  const template = parsed.data;
  const target: DeployTarget = {
    region: options.region ?? 'ap-northeast-1',
    accountId: options.accountId ?? '000000000000',
    stackName: options.stackName ?? 'Hakobu',
  };
  const refs = templateReferences(template, target, options.parameters);
  const resolve = (value: unknown) => resolveIntrinsics(value, refs);

  const managedPolicyArns = new Map(
    resourcesOfType(template, 'AWS::IAM::ManagedPolicy').map(([id]) => [String(refs.ref(id)), id]),
  );
  const roles = resourcesOfType(template, 'AWS::IAM::Role').map(([logicalId, role]) => {
    const roleName = String(refs.ref(logicalId));
    const properties = role.Properties;
    const statements = rolePermissions(
      template,
      { logicalId, name: roleName, properties },
      resolve,
      managedPolicyArns,
    );
    return {
      arn: String(refs.getAtt(logicalId, 'Arn')),
      trustPolicy: resolve(properties.AssumeRolePolicyDocument),
      // A role without permissions allows nothing; an explicit deny-all says the same to S3.
      policy: {
        Version: '2012-10-17',
        Statement: statements.length
          ? statements
          : [{ Sid: 'NoPermissions', Effect: 'Deny', Action: '*', Resource: '*' }],
      },
    };
  });

  const bucketPolicies = new Map(
    resourcesOfType(template, 'AWS::S3::BucketPolicy').map(([, policy]) => [
      String(resolve(policy.Properties.Bucket)),
      resolve(policy.Properties.PolicyDocument),
    ]),
  );
  const buckets = resourcesOfType(template, 'AWS::S3::Bucket').map(([logicalId]) => {
    const name = String(refs.ref(logicalId));
    const policy = bucketPolicies.get(name);
    return policy === undefined ? { name } : { name, policy };
  });

  const setup = LocalAwsSetup.safeParse({
    region: target.region,
    accountId: target.accountId,
    userPools: userPoolsOf(template, refs, resolve, options.users ?? []),
    identityPools: identityPoolsOf(template, refs, resolve),
    roles,
    buckets,
  });
  if (!setup.success) {
    const lines = setup.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`the template does not make a valid local-aws setup:\n${lines.join('\n')}`);
  }

  const outputs = Object.fromEntries(
    Object.entries(template.Outputs).map(([name, output]) => [name, String(resolve(output.Value))]),
  );
  const ignored = Object.entries(template.Resources)
    .filter(([, resource]) => !MODELLED.has(resource.Type))
    .map(([logicalId, resource]) => ({ logicalId, type: resource.Type }));
  return { setup: setup.data, outputs, ignored };
}

/**
 * Reads a synthesized template file (e.g. infra/cdk.out/Hakobu.template.json) into a setup with
 * the demo user in its first pool, for `npm run local-aws -- --template <file>`.
 */
export function loadTemplateFile(path: string): LocalAwsSetup {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`local-aws: cannot read template ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    return setupFromTemplate(json, {
      users: [{ username: DEMO_USERNAME, password: DEMO_PASSWORD }],
    }).setup;
  } catch (error) {
    throw new Error(`local-aws: template ${path}: ${(error as Error).message}`, { cause: error });
  }
}
