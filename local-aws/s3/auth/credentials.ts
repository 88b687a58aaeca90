import type { IssuedCredentials } from '../../cognito-identity/model';
import type { LocalAwsContext } from '../../context';
import { expiredToken, invalidAccessKeyId, invalidToken } from './auth-errors';
import type { SignatureClaim } from './signature-claim';

/**
 * Finds the credentials a request names and checks that its session token belongs to them and has
 * not expired, in the order S3 reports these problems (before looking at the signature).
 */
export function resolveCredentials(ctx: LocalAwsContext, claim: SignatureClaim): IssuedCredentials {
  const credentials = ctx.state.credentials[claim.accessKeyId];
  if (!credentials) throw invalidAccessKeyId(claim.accessKeyId);
  if (credentials.sessionToken) {
    if (claim.securityToken !== credentials.sessionToken) throw invalidToken(claim.securityToken);
    if (ctx.now() >= credentials.expiration) throw expiredToken(claim.securityToken);
  }
  return credentials;
}
