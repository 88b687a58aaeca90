import type { LocalAwsContext } from '../context';
import type { JsonOperation } from '../http/json-protocol';

// PLACEHOLDER — filled in by the cognito-identity work.
/** The AWSCognitoIdentityService operations, by name. */
export function cognitoIdentityOperations(_ctx: LocalAwsContext): Record<string, JsonOperation> {
  return {};
}
