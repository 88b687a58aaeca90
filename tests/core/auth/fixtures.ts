import { afterEach } from 'vitest';
import {
  createAuthSession,
  type AuthSession,
  type AuthSessionOptions,
} from '../../../src-main/core/auth';
import { configFor } from '../../helpers/config';
import type { LocalAwsSetup } from '../../../local-aws/setup/schema';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { loggedRequests } from '../../helpers/request-log';

export { configFor } from '../../helpers/config';
export { poolUsername } from '../../helpers/sign-in';

/** One line of <dataDir>/requests.log. */
export interface LoggedRequest {
  service: string;
  action: string;
  status: number;
}

/** Every request the stand-in has answered so far. */
export const requests = (la: TestLocalAws) => loggedRequests<LoggedRequest>(la);

/** How many requests of one action the stand-in has answered. */
export const countOf = (la: TestLocalAws, action: string) =>
  requests(la).filter((r) => r.action === action).length;

/** Waits (really) for a number of milliseconds: lifetimes are shortened, never faked. */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type PoolSetup = LocalAwsSetup['userPools'][number];

/** The default setup with its user pool changed (clients, users, MFA) by `change`. */
export function withPool(change: (pool: PoolSetup) => Record<string, unknown>) {
  return (base: LocalAwsSetup): Record<string, unknown> => {
    const [pool, ...rest] = base.userPools;
    if (!pool) throw new Error('the default setup has no user pool');
    return { ...base, userPools: [{ ...pool, ...change(pool) }, ...rest] };
  };
}

/** The default setup with its app client changed (flows, secret, rotation). */
export const withClient = (patch: Record<string, unknown>) =>
  withPool((pool) => ({ clients: pool.clients.map((c) => ({ ...c, ...patch })) }));

/** A stand-in each test starts for itself, and the auth sessions opened on it. */
export interface StandInPerTest {
  /** Starts this test's stand-in; it and every session are disposed after the test. */
  start(setup?: Parameters<typeof startTestLocalAws>[0]): Promise<TestLocalAws>;
  /** The running stand-in of the current test. */
  readonly la: TestLocalAws;
  /** A new session over the stand-in, as a fresh launch of the app would build it. */
  session(options?: Partial<AuthSessionOptions>): AuthSession;
}

/** Gives each test its own stand-in and cleans it and its sessions up after the test. */
export function useStandInPerTest(): StandInPerTest {
  let current: TestLocalAws | undefined;
  const sessions: AuthSession[] = [];
  afterEach(async () => {
    for (const s of sessions.splice(0)) s.dispose();
    await current?.dispose();
    current = undefined;
  });
  const running = () => {
    if (!current) throw new Error('start the stand-in first');
    return current;
  };
  return {
    start: async (setup) => {
      current = await startTestLocalAws(setup);
      return current;
    },
    get la() {
      return running();
    },
    session: (options = {}) => {
      const session = createAuthSession({ config: configFor(running()), ...options });
      sessions.push(session);
      return session;
    },
  };
}
