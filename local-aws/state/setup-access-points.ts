import type { AccessPointState } from '../s3/model';
import type { LocalAwsSetup } from '../setup/schema';

/**
 * The setup's access points, keyed by name. One that names a bucket the setup does not create, or
 * a name used twice, stops the start, as S3 Control would refuse to create it.
 */
export function accessPointsFromSetup(
  setup: LocalAwsSetup,
  now: number,
): Record<string, AccessPointState> {
  const buckets = new Set(setup.buckets.map((b) => b.name));
  const accessPoints: Record<string, AccessPointState> = {};
  for (const point of setup.accessPoints) {
    if (!buckets.has(point.bucket)) {
      throw new Error(`access point ${point.name}: unknown bucket ${point.bucket}`);
    }
    if (Object.hasOwn(accessPoints, point.name)) {
      throw new Error(`access point ${point.name}: the name is used twice`);
    }
    accessPoints[point.name] = {
      name: point.name,
      bucket: point.bucket,
      ...(point.policy ? { policy: point.policy } : {}),
      createdAt: now,
    };
  }
  return accessPoints;
}
