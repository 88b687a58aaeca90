import type { CfnTemplate } from './cfn-template';
import type { ReferenceResolver } from './intrinsics';
import {
  clientIdFor,
  generatedName,
  identityPoolIdFor,
  userPoolIdFor,
  type DeployTarget,
} from './physical-ids';

const name = (props: Record<string, unknown>, key: string): string | undefined =>
  typeof props[key] === 'string' ? props[key] : undefined;

/**
 * Resolves Ref and Fn::GetAtt as CloudFormation would after deploying the template to the target:
 * the same physical IDs every time, and ARNs built from them.
 */
export function templateReferences(
  template: CfnTemplate,
  target: DeployTarget,
  parameters: Record<string, string> = {},
): ReferenceResolver {
  const { region, accountId } = target;
  const physical = new Map<string, string>();

  const physicalId = (logicalId: string): string => {
    const known = physical.get(logicalId);
    if (known) return known;
    const resource = template.Resources[logicalId];
    if (!resource) throw new Error(`Ref ${logicalId}: no such parameter or resource`);
    const props = resource.Properties;
    let id: string;
    switch (resource.Type) {
      case 'AWS::Cognito::UserPool':
        id = userPoolIdFor(target, logicalId);
        break;
      case 'AWS::Cognito::UserPoolClient':
        id = clientIdFor(target, logicalId);
        break;
      case 'AWS::Cognito::IdentityPool':
        id = identityPoolIdFor(target, logicalId);
        break;
      case 'AWS::IAM::Role':
        id = name(props, 'RoleName') ?? generatedName(target, logicalId, { max: 64 });
        break;
      case 'AWS::S3::Bucket':
        id =
          name(props, 'BucketName') ??
          generatedName(target, logicalId, { max: 63, lowercase: true });
        break;
      case 'AWS::Cognito::UserPoolGroup':
        id = name(props, 'GroupName') ?? generatedName(target, logicalId, { max: 128 });
        break;
      case 'AWS::IAM::ManagedPolicy':
        // Ref of a managed policy is its ARN.
        id = `arn:aws:iam::${accountId}:policy/${name(props, 'ManagedPolicyName') ?? generatedName(target, logicalId, { max: 128 })}`;
        break;
      case 'AWS::IAM::Policy':
        id = name(props, 'PolicyName') ?? logicalId;
        break;
      case 'AWS::Cognito::UserPoolDomain':
        id = name(props, 'Domain') ?? logicalId;
        break;
      case 'AWS::Cognito::UserPoolIdentityProvider':
        id = name(props, 'ProviderName') ?? logicalId;
        break;
      default:
        throw new Error(`Ref ${logicalId}: local-aws does not model ${resource.Type}`);
    }
    physical.set(logicalId, id);
    return id;
  };

  const roleArn = (logicalId: string) => {
    const path = name(template.Resources[logicalId]?.Properties ?? {}, 'Path') ?? '/';
    return `arn:aws:iam::${accountId}:role${path}${physicalId(logicalId)}`;
  };

  const attributes: Record<string, Record<string, (logicalId: string) => string>> = {
    'AWS::Cognito::UserPool': {
      ProviderName: (id) => `cognito-idp.${region}.amazonaws.com/${physicalId(id)}`,
      ProviderURL: (id) => `https://cognito-idp.${region}.amazonaws.com/${physicalId(id)}`,
      Arn: (id) => `arn:aws:cognito-idp:${region}:${accountId}:userpool/${physicalId(id)}`,
      UserPoolId: physicalId,
    },
    'AWS::Cognito::UserPoolClient': { ClientId: physicalId },
    'AWS::Cognito::IdentityPool': {
      IdentityPoolId: physicalId,
      Name: (id) => name(template.Resources[id]?.Properties ?? {}, 'IdentityPoolName') ?? id,
    },
    'AWS::IAM::Role': { Arn: roleArn, RoleId: physicalId },
    'AWS::S3::Bucket': {
      Arn: (id) => `arn:aws:s3:::${physicalId(id)}`,
      DomainName: (id) => `${physicalId(id)}.s3.amazonaws.com`,
      RegionalDomainName: (id) => `${physicalId(id)}.s3.${region}.amazonaws.com`,
    },
  };

  return {
    ref(refName) {
      switch (refName) {
        case 'AWS::Region':
          return region;
        case 'AWS::AccountId':
          return accountId;
        case 'AWS::Partition':
          return 'aws';
        case 'AWS::URLSuffix':
          return 'amazonaws.com';
        case 'AWS::StackName':
          return target.stackName;
      }
      if (Object.hasOwn(parameters, refName)) return parameters[refName] ?? '';
      const parameter = template.Parameters[refName];
      if (parameter) {
        if (typeof parameter.Default === 'string') return parameter.Default;
        throw new Error(`parameter ${refName} has no default: give it a value`);
      }
      return physicalId(refName);
    },
    getAtt(logicalId, attribute) {
      const type = template.Resources[logicalId]?.Type;
      const get = type ? attributes[type]?.[attribute] : undefined;
      if (!get)
        throw new Error(
          `Fn::GetAtt ${logicalId}.${attribute} (${type ?? 'no such resource'}) is not modelled`,
        );
      return get(logicalId);
    },
  };
}
