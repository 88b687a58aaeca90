import type {
  DescribeIdentityPoolCommandOutput,
  GetIdentityPoolRolesCommandOutput,
} from '@aws-sdk/client-cognito-identity';
import type { AwsCredentialIdentity } from '@smithy/types';
import type { HakobuConfig } from '../config';
import type { Logger } from '../log/logger';
import type { IdTokenFacts } from './probes/id-token';
import type { InitiateProbes } from './probes/initiate-probe';
import type { DoctorClients } from './probes/services';
import type { DoctorSignIn } from './types';

/** A signed-in user as doctor holds it while the report is made. */
export interface SignedInUser {
  idToken: string;
  accessToken: string | undefined;
  claims: IdTokenFacts;
}

/** What earlier steps found out and later steps build on. */
export interface DoctorFacts {
  initiate?: InitiateProbes;
  user?: SignedInUser;
  identityId?: string;
  credentials?: AwsCredentialIdentity;
  /** From the optional administrator credentials. */
  poolDescription?: DescribeIdentityPoolCommandOutput;
  poolRoles?: GetIdentityPoolRolesCommandOutput;
}

/** Everything a step may use. */
export interface DoctorContext {
  readonly config: HakobuConfig;
  readonly clients: DoctorClients;
  readonly facts: DoctorFacts;
  readonly signIn: DoctorSignIn | undefined;
  readonly log: Logger;
  /** This computer's clock (epoch ms). */
  now(): number;
  /** A fresh abort signal bounding one network call. */
  signal(): AbortSignal;
  /** Registers clean-up for the end of the run (sessions, clients). */
  onFinish(cleanup: () => void): void;
}
