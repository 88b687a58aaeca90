import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalAwsContext } from '../context';
import type { JsonOperation } from '../http/json-protocol';

// PLACEHOLDER — filled in by the cognito-idp work.
/** The AWSCognitoIdentityProviderService operations, by name. */
export function cognitoIdpOperations(_ctx: LocalAwsContext): Record<string, JsonOperation> {
  return {};
}

/** Serves /<poolId>/.well-known/jwks.json and openid-configuration; false when the path is not one. */
export function serveWellKnown(
  _ctx: LocalAwsContext,
  _req: IncomingMessage,
  _res: ServerResponse,
  _path: string,
): boolean {
  return false;
}
