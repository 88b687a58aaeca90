import type { LocalAwsState } from '../../state/model';
import { accessPointArnOf } from './address';

/** One location of the Hakobu config local-aws writes beside its state. */
export interface AppLocation {
  name: string;
  bucket: string;
  prefix: string;
  access: 'read' | 'readwrite';
}

/**
 * The locations of the ready Hakobu config: with access points (seed 001's shape), one per access
 * point by ARN, the whole bucket to browse; otherwise each bucket with the user's own folder.
 */
export function appLocations(state: LocalAwsState): AppLocation[] {
  const accessPoints = Object.values(state.accessPoints ?? {});
  if (accessPoints.length > 0) {
    return accessPoints.map((point) => ({
      name: point.name,
      bucket: accessPointArnOf(state.region, state.accountId, point.name),
      prefix: '',
      access: 'read',
    }));
  }
  return Object.keys(state.buckets).map((name) => ({
    name,
    bucket: name,
    prefix: '${identityId}/',
    access: 'readwrite',
  }));
}
