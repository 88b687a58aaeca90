import { HakobuConfig } from '../../src-main/core/config';
import type { TestLocalAws } from './local-aws';

/** A Hakobu config pointing at a test stand-in (its first pool, client and identity pool). */
export function configFor(la: TestLocalAws, patch: Record<string, unknown> = {}): HakobuConfig {
  const { info } = la;
  // Parsed like a real config file, so tests run with exactly what the app would accept.
  return HakobuConfig.parse({
    region: info.region,
    userPoolId: info.userPoolId,
    clientId: info.clientId,
    identityPoolId: info.identityPoolId,
    endpoints: { cognitoIdp: info.endpoint, cognitoIdentity: info.endpoint, s3: info.endpoint },
    locations: [{ name: 'demo', bucket: info.bucket }],
    ...patch,
  });
}
