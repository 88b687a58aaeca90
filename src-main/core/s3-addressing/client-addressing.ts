import { isIP } from 'node:net';
import type { S3Target } from './client-pair';

/** How an S3Client reaches a bucket, as S3Client options. */
export interface S3ClientAddressing {
  endpoint?: string;
  forcePathStyle?: boolean;
  useFipsEndpoint?: boolean;
  useDualstackEndpoint?: boolean;
}

/** Where access points behind a loopback endpoint live: `<name>-<account>.s3-accesspoint.localhost`. */
const LOOPBACK_ACCESS_POINT_HOST = 's3-accesspoint.localhost';
// AWS's own public S3 hosts, as endpoint-rule.ts allows them: s3, s3-fips, and their dual-stack forms.
const AWS_S3_HOST = /^s3(-fips)?(\.dualstack)?(\.[a-z]{2}(-[a-z]+)+-\d)?\.amazonaws\.com(\.cn)?$/;

/**
 * How the SDK must be set up to reach a bucket or an access point.
 *
 * - On AWS (no custom endpoint) the SDK's own rules apply: virtual-hosted buckets, and for an
 *   access point ARN its host `<name>-<account>.s3-accesspoint.<region>.amazonaws.com`.
 * - A custom endpoint (local-aws, a VPC endpoint) serves buckets by path, as before.
 * - S3 serves access points only by host name. Given a custom endpoint, the SDK puts
 *   `<name>-<account>.` before its host (for a VPC endpoint, the form AWS documents) and refuses
 *   path-style for ARNs. A host can't be put before an IP address, so a loopback endpoint becomes
 *   `s3-accesspoint.localhost` (S3's own label, and one a TLS certificate can cover with a
 *   wildcard, unlike `*.localhost`), whose names localhostLookup keeps on this computer. Before AWS's public S3
 *   hosts the prefix would name nothing (access points live under s3-accesspoint), so there the
 *   SDK addresses the ARN itself, in the same FIPS and dual-stack flavour.
 */
export function s3ClientAddressing(
  customEndpoint: string | undefined,
  target: S3Target,
): S3ClientAddressing {
  if (!customEndpoint) return {};
  if (target === 'bucket') return { endpoint: customEndpoint, forcePathStyle: true };
  const url = new URL(customEndpoint);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const aws = AWS_S3_HOST.exec(host);
  if (aws) {
    return {
      ...(aws[1] ? { useFipsEndpoint: true } : {}),
      ...(aws[2] ? { useDualstackEndpoint: true } : {}),
    };
  }
  if (isIP(host) || host === 'localhost') url.hostname = LOOPBACK_ACCESS_POINT_HOST;
  return { endpoint: url.href.replace(/\/$/, '') };
}
