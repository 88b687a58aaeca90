import type { PolicyDocument } from '../setup/schema';

export interface BucketState {
  name: string;
  createdAt: number;
  /** Bucket policy statements that deny every caller (setup/bucket-policy.ts). */
  policy?: PolicyDocument;
}
