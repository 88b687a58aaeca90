import type { PolicyDocument } from '../setup/schema';

/** The Cognito Identity values a role session carries, as IAM policy variables see them. */
export interface CognitoSessionValues {
  /** cognito-identity.amazonaws.com:sub — the identity ID (<region>:<uuid>), not the user pool sub. */
  sub: string;
  /** cognito-identity.amazonaws.com:aud — the identity pool ID. */
  aud: string;
  /** cognito-identity.amazonaws.com:amr — 'authenticated' or 'unauthenticated' first, then providers. */
  amr: readonly string[];
}

const COGNITO_VARIABLE =
  /\$\{\s*cognito-identity\.amazonaws\.com:(sub|aud|amr)\s*(?:,\s*'([^']*)'\s*)?\}/gi;

function substitute(text: string, values: CognitoSessionValues): string {
  return text.replace(COGNITO_VARIABLE, (_match, key: string, fallback: string | undefined) => {
    const name = key.toLowerCase();
    // amr is multi-valued; as a single policy variable only its first member (the auth type) fits.
    const value = name === 'sub' ? values.sub : name === 'aud' ? values.aud : values.amr[0];
    return value ?? fallback ?? '';
  });
}

function substituteDeep(value: unknown, values: CognitoSessionValues): unknown {
  if (typeof value === 'string') return substitute(value, values);
  if (Array.isArray(value)) return value.map((item) => substituteDeep(item, values));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, substituteDeep(item, values)]),
    );
  }
  return value;
}

/**
 * Resolves the ${cognito-identity.amazonaws.com:*} policy variables in a role policy.
 *
 * iam-simulate drops service-specific context keys before it resolves variables, so a statement
 * naming them would never match; substituting them first gives the decision AWS would make.
 * Only Resource and Condition values may hold variables, as in IAM.
 */
export function substituteCognitoVariables<T extends PolicyDocument>(
  policy: T,
  values: CognitoSessionValues,
): T {
  return {
    ...policy,
    Statement: policy.Statement.map((statement) => {
      const { Resource, Condition } = statement;
      return {
        ...statement,
        Resource: substituteDeep(Resource, values) as typeof Resource,
        ...(Condition ? { Condition: substituteDeep(Condition, values) as typeof Condition } : {}),
      };
    }),
  };
}
