import { readFileSync } from 'node:fs';
import { createAuthSession } from '../src-main/core/auth';
import { HakobuConfig } from '../src-main/core/config';
import { createIdentityCredentials } from '../src-main/core/credentials';
import type { LocalAwsInfo } from './local-aws-process';

/** The demo user, signed in the way the app signs in, for the whole run. */
export interface BenchSession {
  /** The app config local-aws wrote, parsed as the app parses it (schema defaults filled in). */
  config: HakobuConfig;
  identityId: string;
  /** A current ID token (refreshed by the session when it nears expiry) for each worker. */
  getIdToken(): Promise<string>;
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
  try {
    await credentials.provider();
    return {
      config,
      identityId: await credentials.identityId(),
      getIdToken: () => auth.getIdToken(),
      dispose: () => auth.dispose(),
    };
  } finally {
    credentials.dispose();
  }
}
