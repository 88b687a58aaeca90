import { randomBytes } from 'node:crypto';
import type { LocalAwsContext } from '../context';
import { newTemporaryAccessKeyId } from '../state/ids';
import type { IdentityPoolState, IssuedCredentials } from './model';

/** The lifetime of credentials issued now: the pool's, capped by the fault setting. */
export function credentialLifetimeSeconds(ctx: LocalAwsContext, pool: IdentityPoolState): number {
  const cap = ctx.state.faults.credentialLifetimeSeconds ?? Number.POSITIVE_INFINITY;
  return Math.min(pool.credentialLifetimeSeconds, cap);
}

/**
 * Issues temporary credentials for a role session and records them where the S3 authenticator
 * looks them up (ctx.state.credentials, by access key ID). Expired ones are dropped on the way.
 */
export function issueCredentials(
  ctx: LocalAwsContext,
  pool: IdentityPoolState,
  session: { identityId: string; roleArn: string; amr: string[] },
): IssuedCredentials {
  const now = ctx.now();
  for (const [key, issued] of Object.entries(ctx.state.credentials)) {
    if (issued.expiration <= now) delete ctx.state.credentials[key];
  }
  const expiresAtSeconds = Math.floor(now / 1000) + credentialLifetimeSeconds(ctx, pool);
  const credentials: IssuedCredentials = {
    accessKeyId: newTemporaryAccessKeyId(),
    // 30 random bytes are exactly 40 base64 characters, the shape of an AWS secret key.
    secretAccessKey: randomBytes(30).toString('base64'),
    // STS session tokens are long opaque base64 blobs; clients must not assume a length.
    sessionToken: `IQoJb3JpZ2luX2VjE${randomBytes(480).toString('base64')}`,
    expiration: expiresAtSeconds * 1000,
    identityId: session.identityId,
    identityPoolId: pool.id,
    roleArn: session.roleArn,
    amr: session.amr,
  };
  ctx.state.credentials[credentials.accessKeyId] = credentials;
  ctx.save();
  return credentials;
}
