import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalAwsContext } from '../context';
import { issuerFor, poolJwks } from './tokens';

const WELL_KNOWN = /^\/([^/]+)\/\.well-known\/(jwks\.json|openid-configuration)$/;

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json;charset=UTF-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** Serves /<poolId>/.well-known/jwks.json and openid-configuration; false when the path is not one. */
export function serveWellKnown(
  ctx: LocalAwsContext,
  _req: IncomingMessage,
  res: ServerResponse,
  path: string,
): boolean {
  const match = WELL_KNOWN.exec(path);
  if (!match) return false;
  const [, poolId = '', document] = match;
  const pool = Object.hasOwn(ctx.state.userPools, poolId) ? ctx.state.userPools[poolId] : undefined;
  if (!pool) {
    sendJson(res, 404, { message: `User pool ${poolId} does not exist.` });
    return true;
  }
  if (document === 'jwks.json') {
    sendJson(res, 200, poolJwks(pool));
    return true;
  }
  const issuer = issuerFor(ctx, pool.id);
  // Cognito lists the managed-login endpoints when the pool has a domain.
  const domain = pool.domain ? ctx.managedLoginDomain : undefined;
  sendJson(res, 200, {
    issuer,
    ...(domain
      ? {
          authorization_endpoint: `${domain}/oauth2/authorize`,
          token_endpoint: `${domain}/oauth2/token`,
          userinfo_endpoint: `${domain}/oauth2/userInfo`,
          revocation_endpoint: `${domain}/oauth2/revoke`,
          end_session_endpoint: `${domain}/logout`,
          code_challenge_methods_supported: ['S256'],
          grant_types_supported: ['authorization_code', 'refresh_token'],
        }
      : {}),
    // Always here, even when tokens name AWS's issuer, whose host this stand-in is not.
    jwks_uri: `${ctx.endpoint}/${pool.id}/.well-known/jwks.json`,
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'token'],
    scopes_supported: ['openid', 'email', 'phone', 'profile'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
  });
  return true;
}
