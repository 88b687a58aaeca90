import { createHash } from 'node:crypto';
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
      alias: accessPointAlias(setup, point.name),
      ...(point.policy ? { policy: point.policy } : {}),
      createdAt: now,
    };
  }
  return accessPoints;
}

const ALIAS_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * The access point's alias, shaped as S3 makes them (the name, 34 lowercase letters and digits,
 * and -s3alias, at most 63 characters) and derived from account, region and name, so the same
 * setup always gives the same alias.
 */
function accessPointAlias(setup: LocalAwsSetup, name: string): string {
  const digest = createHash('sha256').update(`${setup.accountId}:${setup.region}:${name}`).digest();
  let tail = '';
  for (let i = 0; i < 34; i++) tail += ALIAS_ALPHABET[(digest[i] ?? 0) % ALIAS_ALPHABET.length];
  return `${name.slice(0, 20)}-${tail}-s3alias`;
}
