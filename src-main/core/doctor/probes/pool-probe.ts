import type { DoctorContext } from '../context';
import { serviceEndpoint } from './services';

/** Whether the user pool exists, from its public key set (no credentials needed). */
export type PoolVerdict =
  | { kind: 'exists' }
  | { kind: 'missing'; message: string }
  | { kind: 'unreachable'; message: string }
  | { kind: 'unexpected'; message: string };

/**
 * Fetches <cognito-idp endpoint>/<pool ID>/.well-known/jwks.json: every user pool publishes its
 * signing keys there, and Cognito answers 404 for a pool that does not exist in that region.
 */
export async function probeUserPool(ctx: DoctorContext): Promise<PoolVerdict> {
  const base = serviceEndpoint(ctx.config, 'cognitoIdp').replace(/\/+$/, '');
  const url = `${base}/${encodeURIComponent(ctx.config.userPoolId)}/.well-known/jwks.json`;
  let response: Response;
  try {
    response = await fetch(url, { signal: ctx.signal() });
  } catch (error) {
    return { kind: 'unreachable', message: error instanceof Error ? error.message : String(error) };
  }
  const text = await response.text();
  if (response.ok) return { kind: 'exists' };
  if (response.status === 404 || response.status === 400) {
    return { kind: 'missing', message: `HTTP ${response.status} ${text.slice(0, 200)}` };
  }
  return { kind: 'unexpected', message: `HTTP ${response.status} ${text.slice(0, 200)}` };
}
