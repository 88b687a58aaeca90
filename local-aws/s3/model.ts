export interface BucketState {
  name: string;
  createdAt: number;
}
