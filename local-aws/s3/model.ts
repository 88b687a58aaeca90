import type { ResourcePolicyDocument, SeedObjectSetup } from '../setup/schema';

export interface BucketState {
  name: string;
  createdAt: number;
  /** The bucket policy, evaluated together with the caller's role. */
  policy?: ResourcePolicyDocument;
  /** Objects from the setup file not yet stored; stored (and dropped) when the bucket opens. */
  seedObjects?: SeedObjectSetup[];
}

/** An access point, keyed by name in the state (one account, one region). */
export interface AccessPointState {
  name: string;
  bucket: string;
  /** `<name>-<34 characters>-s3alias`: usable wherever a bucket name is, path-style too. */
  alias: string;
  policy?: ResourcePolicyDocument;
  createdAt: number;
}
