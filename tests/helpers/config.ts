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
    // https, as the app reaches AWS; the run's test CA is trusted through NODE_EXTRA_CA_CERTS.
    endpoints: {
      cognitoIdp: la.tls.endpoint,
      cognitoIdentity: la.tls.endpoint,
      s3: la.tls.endpoint,
    },
    locations: [{ name: 'demo', bucket: info.bucket }],
    ...patch,
  });
}
