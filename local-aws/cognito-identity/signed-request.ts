import type { IncomingMessage } from 'node:http';
import { missingAuthenticationToken } from './errors';

/**
 * Refuses an unsigned call to a developer operation. Any SigV4 signature is accepted: the stand-in
 * has no IAM users whose keys it could check, and only doctor makes these calls.
 */
export function requireSigV4(req: IncomingMessage): void {
  const authorization = String(req.headers.authorization ?? '');
  const query = new URL(req.url ?? '/', 'http://local').searchParams;
  const signed =
    /^AWS4-HMAC-SHA256 Credential=\S+/.test(authorization) ||
    (query.get('X-Amz-Algorithm') === 'AWS4-HMAC-SHA256' && query.has('X-Amz-Signature'));
  if (!signed) throw missingAuthenticationToken();
}
