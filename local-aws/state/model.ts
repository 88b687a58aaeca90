import type { IdentityPoolState, IssuedCredentials, RoleState } from '../cognito-identity/model';
import type { UserPoolState } from '../cognito-idp/model';
import type { AccessPointState, BucketState } from '../s3/model';
import type { FaultSetup } from '../setup/schema';

/** Everything local-aws persists in <data>/state.json (object bodies live beside it, under s3/). */
export interface LocalAwsState {
  version: 1;
  region: string;
  accountId: string;
  userPools: Record<string, UserPoolState>;
  identityPools: Record<string, IdentityPoolState>;
  roles: Record<string, RoleState>;
  /** Keyed by access key ID. Expired entries are pruned at start-up. */
  credentials: Record<string, IssuedCredentials>;
  buckets: Record<string, BucketState>;
  /** Keyed by name. Absent in data folders written before access points were modelled. */
  accessPoints?: Record<string, AccessPointState>;
  faults: FaultSetup;
  /** The first user of the setup, published in local-aws.json so a newcomer can sign in. */
  demoUser?: { username: string; password: string };
  /** The setup's company IdP users (first pool), published in local-aws.json for federated sign-in. */
  demoFederatedUsers?: { provider: string; username: string; password: string; email?: string }[];
}
