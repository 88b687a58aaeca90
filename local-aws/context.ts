import type { LocalAwsState } from './state/model';

/** What every service handler gets: the persisted state, where things live, and the clock. */
export interface LocalAwsContext {
  readonly state: LocalAwsState;
  /** Persists state.json atomically; call after every mutation a restart must keep. */
  save(): void;
  readonly dataDir: string;
  /** The public origin (https://127.0.0.1:<port> unless TLS is off); every service answers on it and on plain http. */
  readonly endpoint: string;
  readonly region: string;
  /** Tokens name AWS's issuer (https://cognito-idp.<region>.amazonaws.com/<poolId>), not `endpoint`. */
  readonly awsIssuer?: boolean;
  /** Epoch milliseconds; tests never need to fake it, lifetimes are shortened instead. */
  now(): number;
  /** Appends one line to <data>/requests.log (JSON Lines), which tests read to observe traffic. */
  log(event: Record<string, unknown>): void;
  /** A deterministic dice in [0, 1) for fault injection, seeded from the fault settings. */
  random(): number;
  /** Managed login's origin (http://localhost:<port>) once it listens; discovery lists it. */
  managedLoginDomain?: string;
}
