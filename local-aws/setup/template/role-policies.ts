import type { PolicyDocument } from '../schema';
import { resourcesOfType, type CfnTemplate } from './cfn-template';

type Statement = PolicyDocument['Statement'][number];
type Resolve = (value: unknown) => unknown;

// What local-aws's PolicyDocument carries; NotAction, NotResource and Principal would be dropped
// by its schema and change the decision, so a role statement using them is refused instead.
const MODELLED_KEYS = new Set(['Sid', 'Effect', 'Action', 'Resource', 'Condition']);

function statementsOf(document: unknown, where: string): Statement[] {
  const statements = (document as { Statement?: unknown } | null)?.Statement;
  return [statements ?? []].flat().map((raw, index) => {
    const statement = raw as Record<string, unknown>;
    const extra = Object.keys(statement).filter((key) => !MODELLED_KEYS.has(key));
    if (extra.length)
      throw new Error(
        `${where} statement ${index}: local-aws does not evaluate ${extra.join(', ')}`,
      );
    const condition = statement.Condition as Record<string, Record<string, unknown>> | undefined;
    return {
      ...(statement as Statement),
      // IAM reads JSON booleans and numbers in conditions as strings; the schema wants strings.
      ...(condition
        ? {
            Condition: Object.fromEntries(
              Object.entries(condition).map(([operator, keys]) => [
                operator,
                Object.fromEntries(
                  Object.entries(keys).map(([key, value]) => [
                    key,
                    Array.isArray(value) ? value.map(String) : String(value),
                  ]),
                ),
              ]),
            ),
          }
        : {}),
    };
  });
}

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * Every permission statement a role gets from the template: its inline Policies, AWS::IAM::Policy
 * and AWS::IAM::ManagedPolicy resources that name it, and managed policies it lists by ARN when
 * they are defined in the same template. AWS-managed policies are refused: their text is not here.
 */
export function rolePermissions(
  template: CfnTemplate,
  role: { logicalId: string; name: string; properties: Record<string, unknown> },
  resolve: Resolve,
  managedPolicyArns: Map<string, string>,
): Statement[] {
  const where = `role ${role.logicalId}`;
  const statements: Statement[] = [];
  for (const inline of listOf(resolve(role.properties.Policies))) {
    const { PolicyDocument: document, PolicyName } = inline as Record<string, unknown>;
    statements.push(...statementsOf(document, `${where} policy ${String(PolicyName)}`));
  }
  for (const arn of listOf(resolve(role.properties.ManagedPolicyArns))) {
    const logicalId = managedPolicyArns.get(String(arn));
    if (!logicalId)
      throw new Error(`${where}: managed policy ${String(arn)} is not in the template`);
    const props = template.Resources[logicalId]?.Properties ?? {};
    statements.push(...statementsOf(resolve(props.PolicyDocument), `${where} ${logicalId}`));
  }
  for (const type of ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy']) {
    for (const [logicalId, policy] of resourcesOfType(template, type)) {
      const roles = listOf(resolve(policy.Properties.Roles));
      if (!roles.includes(role.name)) continue;
      const document = resolve(policy.Properties.PolicyDocument);
      statements.push(...statementsOf(document, `${where} ${logicalId}`));
    }
  }
  return statements;
}
