import { readFileSync } from 'node:fs';
import { S3Client } from '@aws-sdk/client-s3';
import { createAuthSession } from '../src-main/core/auth';
import { HakobuConfig } from '../src-main/core/config';
import { createIdentityCredentials } from '../src-main/core/credentials';
import type { LocalAwsInfo } from './local-aws-process';

/** Temporary AWS credentials of the demo user's identity, as every peer is handed them. */
export interface TemporaryCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

/** The demo user, signed in the way the app signs in, for the whole run. */
export interface BenchSession {
  /** The app config local-aws wrote, parsed as the app parses it (schema defaults filled in). */
  config: HakobuConfig;
  identityId: string;
  /** A current ID token (refreshed by the session when it nears expiry) for each worker. */
  getIdToken(): Promise<string>;
  /** Current Identity Pool credentials (renewed ahead of expiry), for the peers and cleanup. */
  awsCredentials(): Promise<TemporaryCredentials>;
  /** An S3 client on those credentials, for cleaning up and checking what was uploaded. */
  s3: S3Client;
  dispose(): void;
}

/**
 * Signs the demo user in with SRP through core/auth and fetches Identity Pool credentials once
 * through core/credentials, so a broken sign-in fails the run before any case starts.
 */
export async function signInDemoUser(info: LocalAwsInfo): Promise<BenchSession> {
  const config = HakobuConfig.parse(JSON.parse(readFileSync(info.appConfig, 'utf8')));
  const auth = createAuthSession({ config });
  const state = await auth.signIn(info.demoUser.username, info.demoUser.password);
  if (state.status !== 'signedIn') {
    auth.dispose();
    throw new Error(`the demo user did not sign in (state: ${state.status})`);
  }
  const credentials = createIdentityCredentials({ config, getIdToken: () => auth.getIdToken() });
  const s3 = new S3Client({
    region: config.region,
    ...(config.endpoints.s3 ? { endpoint: config.endpoints.s3, forcePathStyle: true } : {}),
    credentials: credentials.provider,
  });
  const dispose = () => {
    s3.destroy();
    credentials.dispose();
    auth.dispose();
  };
  try {
    await credentials.provider();
    return {
      config,
      identityId: await credentials.identityId(),
      getIdToken: () => auth.getIdToken(),
      async awsCredentials() {
        const { accessKeyId, secretAccessKey, sessionToken } = await credentials.provider();
        if (!sessionToken)
          throw new Error('the Identity Pool gave credentials without a session token');
        return { accessKeyId, secretAccessKey, sessionToken };
      },
      s3,
      dispose,
    };
  } catch (error) {
    dispose();
    throw error;
  }
}
